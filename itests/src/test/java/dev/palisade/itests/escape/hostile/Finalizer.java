package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Declares a finalizer, code the JVM runs later on its finalizer thread. */
public final class Finalizer extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return "finalizable";
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
        System.exit(17);
    }
}
