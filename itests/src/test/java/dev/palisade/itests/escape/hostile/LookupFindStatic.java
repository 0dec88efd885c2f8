package dev.palisade.itests.escape.hostile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Finds System.exit with a method handle lookup and calls it. */
public final class LookupFindStatic extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        MethodHandle exit = MethodHandles.lookup().findStatic(System.class, "exit",
                MethodType.methodType(void.class, int.class));
        try {
            exit.invoke(17);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return "still here";
    }
}
