package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Takes the host object's class loader and loads the framework class through it. */
public final class HostClassLoader extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return context.getClass().getClassLoader().loadClass("org.apache.felix.framework.Felix").getName();
    }
}
