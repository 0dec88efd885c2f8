package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Misbehaving fixture: its constructor spins for ten seconds, on whatever thread the host creates
 * it on, before the extension serves a single call.
 */
public final class SlowConstructor extends Attack {

    /** How long the constructor spins, in milliseconds. */
    public static final long SPIN_MS = 10_000;

    public SlowConstructor() {
        long end = System.nanoTime() + SPIN_MS * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        return "constructed";
    }
}
