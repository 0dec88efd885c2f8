package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Misbehaving fixture: spins forever, ignoring interrupts. */
public final class InfiniteLoop extends Attack {

    private static volatile long spins;

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        while (true) {
            spins++;
        }
    }
}
