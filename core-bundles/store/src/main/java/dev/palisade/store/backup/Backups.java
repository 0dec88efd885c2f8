package dev.palisade.store.backup;

import java.nio.file.Path;
import java.time.Clock;

import dev.palisade.store.StoreException;
import dev.palisade.store.Transactions;

/** Backup and restore of the whole store; see the package comment for the file format. Thread-safe. */
public final class Backups {

    /** The file format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private final Transactions tx;
    private final String schemaVersion;
    private final Clock clock;

    public Backups(Transactions tx, String schemaVersion, Clock clock) {
        this.tx = tx;
        this.schemaVersion = schemaVersion;
        this.clock = clock;
    }

    /**
     * Writes a backup of every table to {@code file}, from one consistent snapshot, while writers go on.
     *
     * @return the header written
     * @throws StoreException when the database or the file fails; no complete-looking file is left
     */
    public BackupHeader backup(Path file, BackupProgress progress) {
        return tx.inSnapshot("backing up the store to " + file, c -> BackupWriter.write(c, file, schemaVersion,
                tx.kind().name(), clock.instant(), progress));
    }

    /** @return the header of a backup file, read without touching the store */
    public BackupHeader readHeader(Path file) {
        try (BackupFiles.Reader in = new BackupFiles.Reader(file)) {
            return in.header();
        }
    }

    /**
     * Replaces every table with the backup's rows, in one transaction: all or nothing.
     *
     * @throws RestoreRefusedException when the store holds newer data and {@code mode} is
     *                                 {@link RestoreMode#REFUSE_NEWER_DATA}, or the backup's schema is newer
     * @throws BackupFormatException   when the file is not a complete backup
     */
    public RestoreResult restore(Path file, RestoreMode mode, BackupProgress progress) {
        try (BackupFiles.Reader in = new BackupFiles.Reader(file)) {
            BackupRestorer.checkSchema(in.header(), file, schemaVersion);
            return tx.inTransaction("restoring the store from " + file,
                    c -> BackupRestorer.restore(c, in, file, mode, progress));
        }
    }
}
