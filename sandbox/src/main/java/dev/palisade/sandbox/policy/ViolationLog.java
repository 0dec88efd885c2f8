package dev.palisade.sandbox.policy;

import dev.palisade.api.sandbox.SandboxViolation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The violations of one extension: a total count and the most recent ones. Thread-safe.
 */
public final class ViolationLog {

    /** How many recent violations are kept per extension. */
    public static final int RECENT = 100;

    private final Deque<Violation> recent = new ArrayDeque<>();
    private long count;

    /** One recorded violation. */
    public record Violation(Instant at, String permission, String target, String message) {
    }

    synchronized void record(SandboxViolation violation, Instant at) {
        count++;
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(new Violation(at, violation.permission(), violation.target(), violation.getMessage()));
    }

    /** @return how many violations were recorded, ever */
    public synchronized long count() {
        return count;
    }

    /** @return the most recent violations, oldest first, at most {@link #RECENT} */
    public synchronized List<Violation> recent() {
        return List.copyOf(recent);
    }
}
