package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Runs work on the JVM's common fork-join pool. */
public final class CommonPool extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return ForkJoinPool.commonPool().submit(() -> "ran on the common pool").get();
    }
}
