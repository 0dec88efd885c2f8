package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Sets a system property every bundle of the host sees. */
public final class SetSystemProperty extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return System.setProperty("palisade.escape", "owned");
    }
}
