package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Sends GET http://127.0.0.1:"port"/ through the HTTP capability. */
public final class CapabilityHttpGet extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        return context.capabilities().http().get("http://127.0.0.1:" + number(input, "port") + "/").status();
    }
}
