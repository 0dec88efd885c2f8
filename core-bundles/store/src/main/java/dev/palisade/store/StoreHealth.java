package dev.palisade.store;

import java.time.Duration;

/**
 * The answer of one health probe.
 *
 * @param up       whether a pooled connection answered within the fail-fast timeout
 * @param kind     the database's kind
 * @param database the database's URL without credentials
 * @param latency  how long the probe took
 * @param problem  when down: one line saying why; otherwise {@code null}
 */
public record StoreHealth(boolean up, DatabaseKind kind, String database, Duration latency, String problem) {
}
