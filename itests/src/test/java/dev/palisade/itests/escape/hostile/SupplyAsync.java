package dev.palisade.itests.escape.hostile;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Runs work on the common pool through CompletableFuture.supplyAsync. */
public final class SupplyAsync extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return CompletableFuture.supplyAsync(() -> "ran asynchronously").join();
    }
}
