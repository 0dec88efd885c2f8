package dev.palisade.itests.escape.hostile;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;

/**
 * Misbehaving fixture: returns its own Map whose {@code entrySet()} spins for three seconds, so
 * that whoever reads the output runs extension code, on the reader's thread.
 */
public final class TrojanOutput implements Plugin {

    /** How long each entrySet() call spins, in milliseconds. */
    public static final long SPIN_MS = 3_000;

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        return new SlowMap();
    }

    /** A map that is slow to read. */
    static final class SlowMap extends AbstractMap<String, Object> {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            long end = System.nanoTime() + SPIN_MS * 1_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return Set.of();
        }
    }
}
