package dev.palisade.core.extension.run;

import java.time.Duration;
import java.util.function.Function;

/**
 * How extensions run, read from framework properties (in a distribution: {@code etc/palisade.properties}).
 *
 * @param defaultTimeout      {@value #DEFAULT_TIMEOUT_MS} (default 5000 ms): an invocation's time limit when the
 *                            descriptor sets no {@code implementation.configuration.timeout_ms}
 * @param maxTimeout          {@value #MAX_TIMEOUT_MS} (default 60000 ms): the cap on any descriptor's timeout
 * @param threads             {@value #THREADS} (default 4): threads per extension
 * @param queue               {@value #QUEUE} (default 16): invocations waiting per extension before calls are
 *                            turned away
 * @param violationsThreshold {@value #QUARANTINE_VIOLATIONS} (default 3): sandbox denials that quarantine
 * @param timeoutsThreshold   {@value #QUARANTINE_TIMEOUTS} (default 3): timed-out invocations that quarantine
 */
public record RuntimeLimits(Duration defaultTimeout, Duration maxTimeout, int threads, int queue,
        int violationsThreshold, int timeoutsThreshold) {

    /** Framework property: the default invocation timeout, in milliseconds. */
    public static final String DEFAULT_TIMEOUT_MS = "palisade.invoke.timeout.default.ms";
    /** Framework property: the largest invocation timeout a descriptor may ask for, in milliseconds. */
    public static final String MAX_TIMEOUT_MS = "palisade.invoke.timeout.max.ms";
    /** Framework property: threads per extension. */
    public static final String THREADS = "palisade.invoke.threads";
    /** Framework property: waiting invocations per extension. */
    public static final String QUEUE = "palisade.invoke.queue";
    /** Framework property: denials before an extension is quarantined. */
    public static final String QUARANTINE_VIOLATIONS = "palisade.quarantine.violations";
    /** Framework property: timeouts before an extension is quarantined. */
    public static final String QUARANTINE_TIMEOUTS = "palisade.quarantine.timeouts";

    public RuntimeLimits {
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalStateException(DEFAULT_TIMEOUT_MS + " (" + defaultTimeout.toMillis() + ") is larger than "
                    + MAX_TIMEOUT_MS + " (" + maxTimeout.toMillis() + "); make the default at most the maximum");
        }
    }

    /** @return the limits with every default */
    public static RuntimeLimits defaults() {
        return from(key -> null);
    }

    /**
     * @param property reads a framework property, {@code null} when not set
     * @throws IllegalStateException naming a malformed property and the accepted range
     */
    public static RuntimeLimits from(Function<String, String> property) {
        return new RuntimeLimits(
                Duration.ofMillis(number(property, DEFAULT_TIMEOUT_MS, 5_000, 1, 3_600_000)),
                Duration.ofMillis(number(property, MAX_TIMEOUT_MS, 60_000, 1, 3_600_000)),
                (int) number(property, THREADS, 4, 1, 256),
                (int) number(property, QUEUE, 16, 0, 10_000),
                (int) number(property, QUARANTINE_VIOLATIONS, 3, 1, 1_000_000),
                (int) number(property, QUARANTINE_TIMEOUTS, 3, 1, 1_000_000));
    }

    /** A hook's time budget per call when its descriptor sets no {@code hook_budget_ms}. */
    public static final Duration DEFAULT_HOOK_BUDGET = Duration.ofMillis(500);
    /** The cap on a hook's {@code hook_budget_ms}: an operation waits for its before-hooks one after another. */
    public static final Duration MAX_HOOK_BUDGET = Duration.ofMillis(5_000);

    /**
     * @param requested the descriptor's {@code hook_budget_ms}, or {@code null}
     * @return a hook's time limit per call: the request capped at {@link #MAX_HOOK_BUDGET} (and at
     *         {@link #maxTimeout}), or {@link #DEFAULT_HOOK_BUDGET} (at most the {@link #defaultTimeout})
     */
    public Duration hookBudgetFor(Long requested) {
        Duration cap = MAX_HOOK_BUDGET.compareTo(maxTimeout) < 0 ? MAX_HOOK_BUDGET : maxTimeout;
        if (requested == null) {
            return DEFAULT_HOOK_BUDGET.compareTo(defaultTimeout) < 0 ? DEFAULT_HOOK_BUDGET : defaultTimeout;
        }
        return Duration.ofMillis(Math.min(requested, cap.toMillis()));
    }

    /**
     * @param requested the descriptor's {@code timeout_ms}, or {@code null}
     * @return the timeout of one invocation: the request capped at {@link #maxTimeout}, or the default
     */
    public Duration timeoutFor(Long requested) {
        if (requested == null) {
            return defaultTimeout;
        }
        return Duration.ofMillis(Math.min(requested, maxTimeout.toMillis()));
    }

    private static long number(Function<String, String> property, String key, long fallback, long min, long max) {
        String text = property.apply(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("framework property " + key + " is '" + text + "'; set it to a whole number"
                + " from " + min + " to " + max + " (default " + fallback + ") in etc/palisade.properties");
    }
}
