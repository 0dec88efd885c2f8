package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the system property "name" with System.getProperty. */
public final class ReadProperty extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return System.getProperty(text(input, "name"));
    }
}
