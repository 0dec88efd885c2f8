package dev.palisade.store.backup;

/** What a restore does when the store already holds data newer than the backup. */
public enum RestoreMode {
    /** Refuse with {@link RestoreRefusedException}; the store is left as it was. The default. */
    REFUSE_NEWER_DATA,
    /** Replace it anyway (the CLI's {@code --force}). */
    OVERWRITE_NEWER_DATA
}
