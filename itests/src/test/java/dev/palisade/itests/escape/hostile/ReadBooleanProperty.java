package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the system property "name" with Boolean.getBoolean. */
public final class ReadBooleanProperty extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Boolean.getBoolean(text(input, "name"));
    }
}
