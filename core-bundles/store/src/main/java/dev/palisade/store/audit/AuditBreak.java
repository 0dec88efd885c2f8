package dev.palisade.store.audit;

/**
 * Where and how the chain breaks.
 *
 * @param seq    the first entry that does not fit (for {@link Kind#ENTRIES_REMOVED}: the first missing one)
 * @param kind   what is wrong
 * @param detail one line saying what differs
 */
public record AuditBreak(long seq, Kind kind, String detail) {

    /** The ways a chain can break. */
    public enum Kind {
        /** The entry's fields no longer hash to the hash it recorded: it was edited in place. */
        CONTENT_CHANGED,
        /** The entry's recorded previous hash is not the previous entry's hash: one of them was rewritten. */
        LINK_BROKEN,
        /** A sequence number is missing in the middle of the log: entries were deleted. */
        ENTRY_MISSING,
        /** The log ends before the newest entry the head recorded: entries were cut from the end. */
        ENTRIES_REMOVED
    }
}
