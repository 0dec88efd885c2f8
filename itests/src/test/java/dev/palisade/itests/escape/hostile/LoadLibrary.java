package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Loads a native library by name. */
public final class LoadLibrary extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        System.loadLibrary("palisade-escape");
        return "loaded";
    }
}
