package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Starts {@code touch} with ProcessBuilder, leaving a marker file. */
public final class StartProcess extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return new ProcessBuilder("touch", marker(input, "process-builder")).start().waitFor();
    }
}
