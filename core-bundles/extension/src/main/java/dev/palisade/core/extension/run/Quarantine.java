package dev.palisade.core.extension.run;

import java.time.Instant;

/**
 * Why and since when an extension takes no more calls.
 *
 * @param since  when it was quarantined
 * @param reason what it did, and how the operator releases it
 */
public record Quarantine(Instant since, String reason) {
}
