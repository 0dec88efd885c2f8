package dev.palisade.store.backup;

/**
 * Told how far a backup or restore has come; called on the working thread, at least at the start
 * and end of each table and every {@value #EVERY} rows. Keep it quick.
 */
@FunctionalInterface
public interface BackupProgress {

    /** Rows between two calls within a table. */
    int EVERY = 1000;

    /** Reports nothing. */
    BackupProgress NONE = (table, done, total) -> {
    };

    /**
     * @param table the table being copied
     * @param done  rows of it copied so far
     * @param total rows it has in all
     */
    void update(String table, long done, long total);
}
