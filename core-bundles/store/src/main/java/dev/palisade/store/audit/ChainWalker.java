package dev.palisade.store.audit;

import dev.palisade.store.internal.Sha256;

/** Checks entries one by one, in sequence order, against the chain rules; stops at the first break. */
final class ChainWalker {

    private long lastSeq;
    private String lastHash = Sha256.ZERO;
    private long checked;
    private AuditBreak firstBreak;

    /** @return false once a break was found (stop feeding entries) */
    boolean accept(AuditEntry e) {
        checked++;
        long expected = lastSeq + 1;
        if (e.seq() != expected) {
            firstBreak = new AuditBreak(expected, AuditBreak.Kind.ENTRY_MISSING, "entry " + expected
                    + " is missing: entry " + lastSeq + " is followed by entry " + e.seq());
            return false;
        }
        String computed = CanonicalForm.hash(e);
        if (!computed.equals(e.hash())) {
            firstBreak = new AuditBreak(e.seq(), AuditBreak.Kind.CONTENT_CHANGED, "entry " + e.seq() + " ("
                    + e.action() + " by " + e.actor() + " at " + e.at() + ") hashes to " + computed
                    + " but records " + e.hash() + ": a field was changed after it was written");
            return false;
        }
        if (!lastHash.equals(e.previousHash())) {
            firstBreak = new AuditBreak(e.seq(), AuditBreak.Kind.LINK_BROKEN, "entry " + e.seq()
                    + " links to previous hash " + e.previousHash() + " but entry " + lastSeq + " hashes to "
                    + lastHash + ": one of the two was rewritten");
            return false;
        }
        lastSeq = e.seq();
        lastHash = e.hash();
        return true;
    }

    /** @return a break when the log ends short of, or differs from, what the head recorded */
    AuditBreak checkHead(long headSeq, String headHash) {
        if (headSeq > lastSeq) {
            return new AuditBreak(lastSeq + 1, AuditBreak.Kind.ENTRIES_REMOVED, "the log ends at entry " + lastSeq
                    + " but entry " + headSeq + " was appended: entries " + (lastSeq + 1) + ".." + headSeq
                    + " were removed");
        }
        if (headSeq < lastSeq) {
            return new AuditBreak(headSeq + 1, AuditBreak.Kind.LINK_BROKEN, "entries after " + headSeq
                    + " up to " + lastSeq + " were not appended through the log (the head records entry "
                    + headSeq + ")");
        }
        if (!headHash.equals(lastHash)) {
            return new AuditBreak(lastSeq, AuditBreak.Kind.LINK_BROKEN, "the newest entry " + lastSeq + " hashes to "
                    + lastHash + " but the head recorded " + headHash + ": it was replaced");
        }
        return null;
    }

    long checked() {
        return checked;
    }

    AuditBreak firstBreak() {
        return firstBreak;
    }
}
