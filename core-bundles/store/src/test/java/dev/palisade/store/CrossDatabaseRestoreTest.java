package dev.palisade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.store.StoreContract.Contents;
import dev.palisade.store.backup.BackupProgress;
import dev.palisade.store.backup.RestoreMode;
import dev.palisade.store.backup.RestoreResult;
import dev.palisade.store.testing.PostgresServer;

/** A backup taken on one database restores into the other, both ways, to equal data. */
class CrossDatabaseRestoreTest {

    private static final H2Databases H2 = new H2Databases();

    @TempDir
    Path files;

    private final List<Store> opened = new ArrayList<>();

    private Store open(TestDatabase db) {
        Store s = Store.open(db.fresh());
        opened.add(s);
        return s;
    }

    @AfterEach
    void close() {
        opened.forEach(Store::close);
    }

    @Test
    void anH2BackupRestoresIntoPostgresql() {
        moveBetween(open(H2), open(PostgresServer.shared()::fresh), files.resolve("h2.backup.gz"));
    }

    @Test
    void aPostgresqlBackupRestoresIntoH2() {
        moveBetween(open(PostgresServer.shared()::fresh), open(H2), files.resolve("pg.backup.gz"));
    }

    private static void moveBetween(Store from, Store to, Path file) {
        StoreContract.populate(from);
        Contents before = Contents.of(from);
        from.backups().backup(file, BackupProgress.NONE);
        RestoreResult r = to.backups().restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE);
        assertEquals(from.kind().name(), r.header().database());
        assertTrue(r.audit().intact(), r.audit().describe());
        assertEquals(before, Contents.of(to));
        to.audit().append(StoreContract.event("after.move", 1));
        assertTrue(to.audit().verify().intact());
    }
}
