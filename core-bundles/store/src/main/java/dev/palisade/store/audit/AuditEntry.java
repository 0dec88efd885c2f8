package dev.palisade.store.audit;

import java.time.Instant;
import java.util.Map;

import dev.palisade.store.internal.JsonText;

/**
 * One stored audit entry.
 *
 * @param seq          position in the chain, from 1, without gaps
 * @param at           when it was appended, to the microsecond
 * @param actor        who
 * @param action       what
 * @param target       to what, or {@code null}
 * @param detailsJson  the details as canonical JSON text (what the hash covers)
 * @param previousHash the {@link #hash()} of entry {@code seq - 1}, 64 zeros for entry 1
 * @param hash         SHA-256 of this entry's canonical form
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String detailsJson,
        String previousHash, String hash) {

    /** @return the details parsed into a map */
    public Map<String, Object> details() {
        return JsonText.parseObject("details", detailsJson);
    }
}
