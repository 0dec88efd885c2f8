package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.concurrent.Executors;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Runs work on its own executor, outside the invocation's time limit. */
public final class ExecutorService extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Executors.newSingleThreadExecutor().submit(() -> "ran on a pool thread").get();
    }
}
