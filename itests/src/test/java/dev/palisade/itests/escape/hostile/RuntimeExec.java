package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Starts {@code touch} with Runtime.exec, leaving a marker file. */
public final class RuntimeExec extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Runtime.getRuntime().exec(new String[] {"touch", marker(input, "runtime-exec")}).waitFor();
    }
}
