package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the secret "name" through the secrets capability. */
public final class CapabilitySecret extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        return context.capabilities().secrets().read(text(input, "name"));
    }
}
