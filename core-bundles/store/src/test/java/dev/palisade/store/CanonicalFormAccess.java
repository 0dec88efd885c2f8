package dev.palisade.store;

import dev.palisade.store.audit.AuditEntry;
import dev.palisade.store.audit.CanonicalForm;

/** Recomputes an entry's hash with one field changed, as a forger would. */
final class CanonicalFormAccess {

    private CanonicalFormAccess() {
    }

    static String hashOf(AuditEntry e, String actor) {
        return CanonicalForm.hash(new AuditEntry(e.seq(), e.at(), actor, e.action(), e.target(), e.detailsJson(),
                e.previousHash(), e.hash()));
    }
}
