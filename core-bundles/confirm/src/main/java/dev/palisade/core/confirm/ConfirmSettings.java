package dev.palisade.core.confirm;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * The confirm module's settings, read from framework properties (etc/palisade.properties):
 * {@value #SWEEP_INTERVAL}, how often overdue confirmations are expired and listeners polled, as ISO-8601
 * ({@code PT30S}) or milliseconds; default {@link #DEFAULT_SWEEP}, at least {@link #MIN_SWEEP}.
 *
 * @param sweepInterval the interval of the expiry sweep
 */
record ConfirmSettings(Duration sweepInterval) {

    static final String SWEEP_INTERVAL = "palisade.confirm.sweep.interval";
    static final Duration DEFAULT_SWEEP = Duration.ofSeconds(30);
    static final Duration MIN_SWEEP = Duration.ofMillis(100);

    /**
     * @param properties reads a framework property ({@code null} when unset)
     * @throws IllegalArgumentException naming the setting when it is malformed or too short
     */
    static ConfirmSettings from(UnaryOperator<String> properties) {
        String text = properties.apply(SWEEP_INTERVAL);
        if (text == null || text.isBlank()) {
            return new ConfirmSettings(DEFAULT_SWEEP);
        }
        Duration interval;
        try {
            interval = text.trim().matches("\\d+") ? Duration.ofMillis(Long.parseLong(text.trim()))
                    : Duration.parse(text.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(SWEEP_INTERVAL + " is '" + text
                    + "'; set an ISO-8601 duration such as PT30S or a number of milliseconds");
        }
        if (interval.compareTo(MIN_SWEEP) < 0) {
            throw new IllegalArgumentException(SWEEP_INTERVAL + " is " + interval + "; set at least " + MIN_SWEEP);
        }
        return new ConfirmSettings(interval);
    }
}
