package dev.palisade.host.bridge;

import java.time.Instant;

/**
 * A committed audit entry.
 *
 * @param seq  its position in the chain, from 1, without gaps
 * @param at   when it was appended, to the microsecond
 * @param hash hex SHA-256 of its canonical form, which covers the previous entry's hash
 */
public record AuditReceipt(long seq, Instant at, String hash) {
}
