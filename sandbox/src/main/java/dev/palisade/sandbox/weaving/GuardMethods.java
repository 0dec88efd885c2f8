package dev.palisade.sandbox.weaving;

import dev.palisade.sandbox.guard.FileGuard;
import dev.palisade.sandbox.guard.FileOpens;
import dev.palisade.sandbox.guard.NetGuard;
import dev.palisade.sandbox.guard.SystemGuard;
import dev.palisade.sandbox.guard.ThreadGuard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.Type;

/** The static methods the guard classes offer, as name + descriptor, to check woven calls against. */
final class GuardMethods {

    private static final Set<String> METHODS = collect(FileGuard.class, FileOpens.class, NetGuard.class, SystemGuard.class,
            ThreadGuard.class);

    private GuardMethods() {
    }

    /** @return whether {@code guardClass} (simple name) has a public static {@code method} with {@code descriptor} */
    static boolean exists(String guardClass, String method, String descriptor) {
        return METHODS.contains(guardClass + "." + method + descriptor);
    }

    private static Set<String> collect(Class<?>... guards) {
        Set<String> methods = new HashSet<>();
        for (Class<?> guard : guards) {
            for (Method method : guard.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                    methods.add(guard.getSimpleName() + "." + method.getName() + Type.getMethodDescriptor(method));
                }
            }
        }
        return Set.copyOf(methods);
    }
}
