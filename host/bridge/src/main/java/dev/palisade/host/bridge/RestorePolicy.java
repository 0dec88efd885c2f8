package dev.palisade.host.bridge;

/** What a restore does when the store already holds data newer than the backup's newest. */
public enum RestorePolicy {
    /** Refuse with a {@code restore-refused} problem; the store is left as it was. */
    REFUSE_NEWER_DATA,
    /** Replace it anyway (the command line's {@code --force}). */
    OVERWRITE_NEWER_DATA
}
