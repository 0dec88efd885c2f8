package dev.palisade.itests.escape.hostile;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Misbehaving fixture: throws its own exception whose {@code getMessage()} spins for three seconds,
 * so that whoever reports the failure runs extension code, on the reporter's thread.
 */
public final class TrojanException extends Attack {

    /** How long each getMessage() call spins, in milliseconds. */
    public static final long SPIN_MS = 3_000;

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) {
        throw new SlowMessage();
    }

    /** An exception that is slow to describe. */
    static final class SlowMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            long end = System.nanoTime() + SPIN_MS * 1_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return "slow";
        }
    }
}
