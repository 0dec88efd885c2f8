package dev.palisade.core.plan.check;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A task's {@code estimated_duration}: an ISO-8601 duration of days, hours, minutes and seconds
 * ({@code PT30M}, {@code P1DT2H}). Weeks, months and years are refused (their length in hours is not
 * fixed), as are negative durations. A task without one lasts zero. Stateless.
 */
public final class TaskDurations {

    private TaskDurations() {
    }

    /**
     * @param text the value, or {@code null} for none
     * @return the duration; {@link Duration#ZERO} for {@code null}
     * @throws IllegalArgumentException naming the value and the accepted form
     */
    public static Duration parse(String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration of days, hours, minutes"
                    + " and seconds such as PT30M or P1DT2H");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; a task cannot take less than no time");
        }
        return d;
    }
}
