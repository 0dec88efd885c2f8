package dev.palisade.host.bridge;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told how far a backup or restore has come: at the start and end of each table and every thousand
 * rows in between, on the working thread. Keep it quick.
 */
@ConsumerType
@FunctionalInterface
public interface StoreProgress {

    /** Reports nothing. */
    StoreProgress NONE = (table, done, total) -> {
    };

    /**
     * @param table the table being copied
     * @param done  its rows copied so far
     * @param total its rows in all
     */
    void update(String table, long done, long total);
}
