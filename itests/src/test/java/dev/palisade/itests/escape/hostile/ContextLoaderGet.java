package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Loads a framework class through the thread's context class loader. */
public final class ContextLoaderGet extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Thread.currentThread().getContextClassLoader().loadClass("org.apache.felix.framework.Felix").getName();
    }
}
