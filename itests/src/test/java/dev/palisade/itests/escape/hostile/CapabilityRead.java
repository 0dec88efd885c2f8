package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads "path" through the files capability. */
public final class CapabilityRead extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        return context.capabilities().files().readString(text(input, "path"));
    }
}
