package dev.palisade.sandbox.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.sandbox.scan.GuardCheck;
import dev.palisade.sandbox.scan.MemberRef;
import dev.palisade.sandbox.scan.MemberRules;
import dev.palisade.sandbox.scan.Verdict;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/**
 * Every public JDK member the rules guard must have a guard overload for its argument types, or
 * the weaver would refuse every class calling it.
 */
class GuardOverloadsTest {

    private static final List<String> GUARDED_OWNERS = List.of("java.nio.file.Files", "java.nio.file.Path",
            "java.io.FileInputStream", "java.io.FileReader", "java.util.zip.ZipFile", "java.util.jar.JarFile",
            "java.util.Scanner", "java.io.FileOutputStream", "java.io.FileWriter", "java.io.PrintStream",
            "java.io.PrintWriter", "java.util.Formatter", "java.io.RandomAccessFile", "java.io.File",
            "java.net.http.HttpRequest$BodyPublishers", "java.net.http.HttpResponse$BodyHandlers",
            "java.net.http.HttpResponse$BodySubscribers", "java.net.Socket", "java.net.URL", "java.net.HttpURLConnection", "java.net.InetAddress",
            "java.net.Inet4Address", "java.net.Inet6Address", "java.net.InetSocketAddress", "java.net.http.HttpClient",
            "java.lang.System", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Thread");

    @Test
    void everyGuardedJdkMemberHasItsGuard() throws ClassNotFoundException {
        MemberRules rules = MemberRules.defaults();
        Set<String> missing = new TreeSet<>();
        int guarded = 0;
        for (String ownerName : GUARDED_OWNERS) {
            Class<?> owner = Class.forName(ownerName);
            List<Executable> members = new ArrayList<>(List.of(owner.getDeclaredMethods()));
            members.addAll(List.of(owner.getDeclaredConstructors()));
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers())) {
                    continue;
                }
                String descriptor = member instanceof Method method ? Type.getMethodDescriptor(method)
                        : Type.getConstructorDescriptor((Constructor<?>) member);
                String name = member instanceof Method ? member.getName() : "<init>";
                String internal = Type.getInternalName(owner);
                Verdict verdict = rules.classify(new MemberRef(internal, name, descriptor));
                if (!verdict.isGuarded()) {
                    continue;
                }
                guarded++;
                for (GuardCheck check : verdict.checks()) {
                    boolean isStatic = Modifier.isStatic(member.getModifiers()) || name.equals("<init>");
                    if (check.usesReceiver() && isStatic) {
                        missing.add(internal + "." + name + descriptor + ": " + check + " uses a receiver");
                        continue;
                    }
                    String guard = CallSiteWeaver.checkDescriptor(check, internal, descriptor, !isStatic);
                    if (!GuardMethods.exists(check.guardClass(), check.method(), guard)) {
                        missing.add(internal + "." + name + descriptor + ": " + check.guardClass() + "." + check.method()
                                + guard);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        assertTrue(guarded > 100, "guarded members found: " + guarded);
    }
}
