package dev.palisade.store.audit;

import java.util.Map;

/**
 * What happened, as handed to {@link AuditLog#append(AuditEvent)}; the log adds the sequence number,
 * the time and the hashes.
 *
 * @param actor   who did it: a user, {@code system}, or an extension id (at most 128 characters)
 * @param action  what, as a dotted name like {@code deploy.refused} (at most 128 characters)
 * @param target  what it was done to, or {@code null} (at most 512 characters)
 * @param details JSON-compatible facts (Map, List, String, Number, Boolean, null), or {@code null}
 */
public record AuditEvent(String actor, String action, String target, Map<String, ?> details) {
}
