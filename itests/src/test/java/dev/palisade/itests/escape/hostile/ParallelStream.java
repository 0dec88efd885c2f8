package dev.palisade.itests.escape.hostile;

import java.util.List;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Runs work on the common pool through a parallel stream. */
public final class ParallelStream extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return List.of(1, 2, 3, 4).parallelStream().mapToInt(Integer::intValue).sum();
    }
}
