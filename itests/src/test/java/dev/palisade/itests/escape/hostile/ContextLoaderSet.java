package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Leaves its own loader as the context class loader of the host's thread. */
public final class ContextLoaderSet extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Thread.currentThread().setContextClassLoader(null);
        return "context class loader cleared";
    }
}
