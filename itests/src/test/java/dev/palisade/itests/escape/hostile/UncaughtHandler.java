package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Replaces the JVM's default uncaught-exception handler. */
public final class UncaughtHandler extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> { });
        return "handler replaced";
    }
}
