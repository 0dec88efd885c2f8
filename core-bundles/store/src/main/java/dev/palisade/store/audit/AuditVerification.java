package dev.palisade.store.audit;

/**
 * The result of {@link AuditLog#verify()}.
 *
 * @param entriesChecked entries read
 * @param headSeq        the newest sequence number the head records
 * @param firstBreak     the first break, or {@code null} when the chain is intact
 */
public record AuditVerification(long entriesChecked, long headSeq, AuditBreak firstBreak) {

    /** @return true when every entry fits the chain and none is missing */
    public boolean intact() {
        return firstBreak == null;
    }

    /** @return one line for a terminal: "intact, N entries" or where and how it breaks */
    public String describe() {
        if (intact()) {
            return "audit log intact: " + entriesChecked + " entries, chain verified";
        }
        return "audit log broken at entry " + firstBreak.seq() + " (" + firstBreak.kind() + "): "
                + firstBreak.detail();
    }
}
