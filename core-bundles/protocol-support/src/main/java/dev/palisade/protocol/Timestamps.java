package dev.palisade.protocol;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** MPLP timestamps: RFC 3339 date-times in UTC, millisecond precision ({@code 2026-11-22T07:15:00.123Z}). */
public final class Timestamps {

    private Timestamps() {
    }

    /** @return the clock's current instant, truncated to milliseconds */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return {@code instant} as an MPLP timestamp */
    public static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
