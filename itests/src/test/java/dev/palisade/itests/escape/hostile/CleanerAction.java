package dev.palisade.itests.escape.hostile;

import java.lang.ref.Cleaner;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Registers a Cleaner action, code that runs on a JDK thread later. */
public final class CleanerAction extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Cleaner.create().register(new Object(), () -> { });
        return "registered";
    }
}
