package dev.palisade.store.audit;

import java.time.Instant;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.palisade.store.internal.JsonText;
import dev.palisade.store.internal.Sha256;

/**
 * The bytes an audit entry's hash covers: a JSON array
 * {@code ["palisade-audit-1", seq, "at as ISO-8601 UTC", actor, action, target, detailsJson, prev_hash]}
 * in UTF-8. JSON escaping makes it unambiguous (no field can run into the next); the details are
 * included as the stored text, not re-serialized, so the hash does not depend on a JSON library.
 */
public final class CanonicalForm {

    static final String VERSION = "palisade-audit-1";

    private CanonicalForm() {
    }

    /** @return the canonical form of the entry's fields (its {@code hash} field is not part of it) */
    public static String of(long seq, Instant at, String actor, String action, String target, String detailsJson,
            String previousHash) {
        try {
            return JsonText.mapper().writeValueAsString(Arrays.asList(VERSION, seq, at.toString(), actor, action,
                    target, detailsJson, previousHash));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialize", e);
        }
    }

    /** @return SHA-256 (hex) of {@code entry}'s canonical form */
    public static String hash(AuditEntry entry) {
        return hash(entry.seq(), entry.at(), entry.actor(), entry.action(), entry.target(), entry.detailsJson(),
                entry.previousHash());
    }

    static String hash(long seq, Instant at, String actor, String action, String target, String detailsJson,
            String previousHash) {
        return Sha256.hex(of(seq, at, actor, action, target, detailsJson, previousHash));
    }
}
