package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Writes "owned" to "path" through the files capability. */
public final class CapabilityWrite extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        context.capabilities().files().writeString(text(input, "path"), "owned");
        return "written";
    }
}
