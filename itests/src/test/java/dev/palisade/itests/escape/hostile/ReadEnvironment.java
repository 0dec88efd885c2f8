package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the environment variable "name" with System.getenv. */
public final class ReadEnvironment extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return System.getenv(text(input, "name"));
    }
}
