package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Loads a native library from a path. */
public final class LoadNativeFile extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        System.load(text(input, "path"));
        return "loaded";
    }
}
