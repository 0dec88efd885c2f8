package dev.palisade.host.bridge;

/**
 * The answer of one store health probe.
 *
 * @param up            whether the database answered within the store's fail-fast timeout
 * @param database      the database's kind: {@code H2} or {@code POSTGRESQL}
 * @param url           the database's JDBC URL without credentials
 * @param latencyMillis how long the probe took
 * @param problem       when down, one line saying why and what to do; otherwise {@code null}
 */
public record StoreStatus(boolean up, String database, String url, long latencyMillis, String problem) {
}
