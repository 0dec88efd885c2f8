package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Halts the JVM without shutdown hooks. */
public final class HaltJvm extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Runtime.getRuntime().halt(17);
        return "still here";
    }
}
