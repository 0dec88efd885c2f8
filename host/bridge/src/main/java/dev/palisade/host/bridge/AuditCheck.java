package dev.palisade.host.bridge;

/**
 * The result of walking the audit chain.
 *
 * @param entriesChecked entries read
 * @param headSeq        the newest sequence number the chain's head records
 * @param brokenSeq      the first entry that does not fit the chain (for entries cut from the end: the
 *                       first missing one), or {@code null} when the chain is intact
 * @param brokenKind     how it breaks ({@code CONTENT_CHANGED}, {@code LINK_BROKEN},
 *                       {@code ENTRY_MISSING}, {@code ENTRIES_REMOVED}), or {@code null}
 * @param description    one line for a terminal: "audit log intact: N entries, chain verified", or
 *                       "audit log broken at entry S (KIND): what differs"
 */
public record AuditCheck(long entriesChecked, long headSeq, Long brokenSeq, String brokenKind, String description) {

    /** @return true when every entry fits the chain and none is missing */
    public boolean intact() {
        return brokenSeq == null;
    }
}
