package dev.palisade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.store.audit.AuditBreak;
import dev.palisade.store.audit.AuditEntry;
import dev.palisade.store.audit.AuditEvent;
import dev.palisade.store.audit.AuditVerification;
import dev.palisade.store.backup.BackupFormatException;
import dev.palisade.store.backup.BackupHeader;
import dev.palisade.store.backup.BackupProgress;
import dev.palisade.store.backup.RestoreMode;
import dev.palisade.store.backup.RestoreRefusedException;
import dev.palisade.store.backup.RestoreResult;
import dev.palisade.store.grants.Grant;

/**
 * The store's behaviour, written once and run against every database by its subclasses
 * ({@link H2StoreTest}, {@link PostgresStoreTest}).
 */
abstract class StoreContract {

    @TempDir
    Path tmp;

    private final List<Store> opened = new ArrayList<>();

    /** @return where this subclass's empty databases come from */
    abstract TestDatabase databases();

    abstract DatabaseKind expectedKind();

    Store open(StoreConfig config) {
        Store s = Store.open(config.withPool(config.pool().withMinIdle(1)));
        opened.add(s);
        return s;
    }

    Store fresh() {
        return open(databases().fresh());
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
    }

    static DeploymentRecord record(String id, Instant at, DeploymentOutcome outcome, String extensionId) {
        return new DeploymentRecord(id, at, DeploymentSource.DEPLOY_FOLDER, "text-tools-1.0.0.jar",
                "ab".repeat(32), outcome, extensionId, "text-tools", "1.0.0",
                outcome == DeploymentOutcome.REFUSED ? "signature: entry x.class was modified; re-sign the jar"
                        : "deployed");
    }

    static AuditEvent event(String action, int n) {
        return new AuditEvent("admin", action, "extension:" + n, Map.of("n", n, "note", "ünïcode \"quoted\"\n",
                "list", List.of(1, "two", true)));
    }

    /** Everything the store holds, for equality checks across restarts and restores. */
    record Contents(List<DeploymentRecord> deployments, List<Grant> grants, List<AuditEntry> audit) {
        static Contents of(Store s) {
            return new Contents(s.deployments().all(), s.grants().all(), s.audit().read(0, 10_000));
        }
    }

    static void populate(Store s) {
        Instant base = Instant.parse("2026-01-02T03:04:05.123456789Z");
        for (int i = 0; i < 25; i++) {
            s.deployments().record(record("attempt-" + i, base.plusSeconds(i),
                    i % 3 == 0 ? DeploymentOutcome.REFUSED : DeploymentOutcome.DEPLOYED, "ext-" + (i % 4)));
        }
        s.deployments().record(new DeploymentRecord("attempt-nulls", base.plusSeconds(100), DeploymentSource.REST,
                "x.jar", null, DeploymentOutcome.FAILED, null, null, null, null));
        s.grants().grant("ext-1", "net.connect", "api.example.com:443", "ab12", "admin");
        s.grants().grant("ext-1", "fs.read", "/data", null, "policy:trusted");
        s.grants().grant("ext-2", "clock", null, "cd34", "admin");
        for (int i = 0; i < 30; i++) {
            s.audit().append(event("deploy.accepted", i));
        }
    }

    // ---- schema and open ----

    @Test
    void opensAndMigratesToTheLatestSchema() {
        Store s = fresh();
        assertEquals(expectedKind(), s.kind());
        assertEquals("2", s.schemaVersion());
        assertTrue(s.healthy());
        assertEquals(null, s.health().problem());
    }

    @Test
    void aModuleMigratesItsOwnTablesBesideTheStoresAndOnlyOnce() throws Exception {
        StoreConfig config = databases().fresh();
        Store first = open(config);
        ClassLoader loader = StoreContract.class.getClassLoader();
        assertEquals("1", first.migrateModule("sample_module", loader, List.of("V1__things.sql")));
        first.transactions().inTransaction("inserting a thing", c -> {
            try (var insert = c.prepareStatement("INSERT INTO sample_things (id, body) VALUES ('a', '{}')")) {
                return insert.executeUpdate();
            }
        });
        first.close();
        Store second = open(config);
        assertEquals("2", second.schemaVersion());
        assertEquals("2", second.migrateModule("sample_module", loader, List.of("V1__things.sql", "V2__label.sql")));
        assertEquals("2", second.migrateModule("sample_module", loader, List.of("V1__things.sql", "V2__label.sql")));
        int rows = second.transactions().inTransaction("counting things", c -> {
            try (var count = c.prepareStatement("SELECT COUNT(*) FROM sample_things WHERE label IS NULL");
                    var rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(1, rows);
    }

    @Test
    void aModuleScriptThatFailsNamesTheModuleAndLeavesTheStoreServing() {
        Store s = fresh();
        StoreMigrationException e = assertThrows(StoreMigrationException.class, () -> s.migrateModule("sample_module",
                StoreContract.class.getClassLoader(), List.of("V1__things.sql", "V2__label.sql", "V3__missing.sql")));
        assertTrue(e.getMessage().contains("(module sample_module)"), e.getMessage());
        assertTrue(e.getMessage().contains("V3__missing.sql"), e.getMessage());
        assertTrue(s.healthy());
    }

    @Test
    void reopeningAnUpToDateDatabaseRunsNoMigrationAndKeepsData() {
        StoreConfig config = databases().fresh();
        Store first = open(config);
        populate(first);
        Contents before = Contents.of(first);
        first.close();
        Store second = open(config);
        assertEquals("2", second.schemaVersion());
        assertEquals(before, Contents.of(second));
        assertTrue(second.audit().verify().intact());
    }

    // ---- deployments ----

    @Test
    void deploymentRecordsRoundTripToTheMicrosecond() {
        Store s = fresh();
        Instant at = Instant.parse("2026-03-04T05:06:07.123456789Z");
        DeploymentRecord r = record("a-1", at, DeploymentOutcome.REFUSED, "ext-1");
        s.deployments().record(r);
        DeploymentRecord back = s.deployments().find("a-1").orElseThrow();
        assertEquals(Instant.parse("2026-03-04T05:06:07.123456Z"), back.at());
        assertEquals(new DeploymentRecord("a-1", back.at(), r.source(), r.fileName(), r.sha256(), r.outcome(),
                r.extensionId(), r.extensionName(), r.version(), r.reason()), back);
        assertTrue(s.deployments().find("nope").isEmpty());
    }

    @Test
    void recentListsNewestFirstAndOfExtensionFilters() {
        Store s = fresh();
        populate(s);
        List<DeploymentRecord> recent = s.deployments().recent(3);
        assertEquals(List.of("attempt-nulls", "attempt-24", "attempt-23"),
                recent.stream().map(DeploymentRecord::attemptId).toList());
        assertEquals(7, s.deployments().ofExtension("ext-0").size());
        assertEquals(26, s.deployments().count());
    }

    @Test
    void aRepeatedAttemptIdIsAConflictAndABatchIsAllOrNothing() {
        Store s = fresh();
        Instant now = Instant.now();
        s.deployments().record(record("dup", now, DeploymentOutcome.DEPLOYED, "e"));
        assertThrows(StoreConflictException.class,
                () -> s.deployments().record(record("dup", now, DeploymentOutcome.DEPLOYED, "e")));
        assertThrows(StoreConflictException.class, () -> s.deployments().recordAll(List.of(
                record("b-1", now, DeploymentOutcome.DEPLOYED, "e"), record("dup", now, DeploymentOutcome.DEPLOYED, "e"))));
        assertTrue(s.deployments().find("b-1").isEmpty());
        assertEquals(1, s.deployments().count());
    }

    @Test
    void badInputNamesTheField() {
        Store s = fresh();
        StoreInputException e = assertThrows(StoreInputException.class, () -> s.deployments().record(
                new DeploymentRecord(" ", Instant.now(), DeploymentSource.REST, "x.jar", null,
                        DeploymentOutcome.DEPLOYED, null, null, null, null)));
        assertEquals("[attemptId] is required", e.getMessage());
        e = assertThrows(StoreInputException.class, () -> s.grants().grant("e", "p".repeat(129), "", null, "admin"));
        assertEquals("[permission] is 129 characters long, at most 128 fit", e.getMessage());
        e = assertThrows(StoreInputException.class, () -> s.grants().grant("e", "p", "", "f".repeat(129), "admin"));
        assertEquals("[publisher] is 129 characters long, at most 128 fit", e.getMessage());
        e = assertThrows(StoreInputException.class,
                () -> s.audit().append(new AuditEvent("a", "b", null, Map.of("when", Instant.EPOCH))));
        assertEquals("[details.when] is a java.time.Instant; only Map, List, String, Number, Boolean and null "
                + "are stored as JSON", e.getMessage());
    }

    // ---- grants ----

    @Test
    void grantsAreUpsertedListedAndRevoked() {
        Store s = fresh();
        Grant g = s.grants().grant("ext-1", "net.connect", "api.example.com:443", "ab12", "admin");
        Grant again = s.grants().grant("ext-1", "net.connect", "api.example.com:443", "cd34", "policy:trusted");
        assertEquals("policy:trusted", again.grantedBy());
        assertEquals("cd34", again.publisher());
        assertFalse(again.grantedAt().isBefore(g.grantedAt()));
        s.grants().grant("ext-1", "clock", null, null, "admin");
        s.grants().grant("ext-2", "clock", null, "ab12", "admin");
        assertEquals(List.of(new Grant("ext-1", "clock", "", null, "admin", s.grants().of("ext-1").get(0).grantedAt()),
                again), s.grants().of("ext-1"));
        assertTrue(s.grants().isGranted("ext-1", "clock", null));
        assertFalse(s.grants().isGranted("ext-1", "net.connect", "evil.example:443"));
        assertTrue(s.grants().revoke("ext-1", "clock", ""));
        assertFalse(s.grants().revoke("ext-1", "clock", ""));
        assertEquals(1, s.grants().revokeAll("ext-1"));
        assertEquals(1, s.grants().all().size());
    }

    // ---- audit ----

    @Test
    void auditEntriesChainFromZeroAndKeepTheirDetails() {
        Store s = fresh();
        AuditEntry first = s.audit().append(event("deploy.accepted", 1));
        AuditEntry second = s.audit().append(new AuditEvent("system", "host.started", null, null));
        assertEquals(1, first.seq());
        assertEquals("0".repeat(64), first.previousHash());
        assertEquals(first.hash(), second.previousHash());
        assertEquals("{}", second.detailsJson());
        List<AuditEntry> read = s.audit().read(0, 10);
        assertEquals(List.of(first, second), read);
        assertEquals(Map.of("n", 1, "note", "ünïcode \"quoted\"\n", "list", List.of(1, "two", true)),
                read.get(0).details());
        assertEquals("{\"list\":[1,\"two\",true],\"n\":1,\"note\":\"ünïcode \\\"quoted\\\"\\n\"}",
                read.get(0).detailsJson());
        AuditVerification v = s.audit().verify();
        assertTrue(v.intact(), v.describe());
        assertEquals("audit log intact: 2 entries, chain verified", v.describe());
    }

    @Test
    void concurrentAppendsFormOneValidChain() throws Exception {
        Store s = open(databases().fresh().withPool(PoolSettings.DEFAULTS.withMinIdle(1).withMaxSize(10)));
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        s.audit().append(new AuditEvent("thread-" + thread, "test.append", null, Map.of("i", i)));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification v = s.audit().verify();
        assertTrue(v.intact(), v.describe());
        assertEquals(threads * each, v.entriesChecked());
        assertEquals(threads * each, v.headSeq());
        assertEquals(threads * each, s.audit().size());
    }

    @Test
    void aHandEditedEntryIsNamed() {
        Store s = fresh();
        for (int i = 1; i <= 5; i++) {
            s.audit().append(event("deploy.accepted", i));
        }
        AuditEntry third = s.audit().read(2, 1).get(0);
        sql(s, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
        AuditVerification v = s.audit().verify();
        assertFalse(v.intact());
        assertEquals(new AuditBreak(3, AuditBreak.Kind.CONTENT_CHANGED, "entry 3 (deploy.accepted by mallory at "
                + third.at() + ") hashes to " + CanonicalFormAccess.hashOf(third, "mallory") + " but records "
                + third.hash() + ": a field was changed after it was written"), v.firstBreak());
        assertTrue(v.describe().startsWith("audit log broken at entry 3 (CONTENT_CHANGED): entry 3 (deploy.accepted"),
                v.describe());
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheNextLink() {
        Store s = fresh();
        for (int i = 1; i <= 4; i++) {
            s.audit().append(event("deploy.accepted", i));
        }
        AuditEntry second = s.audit().read(1, 1).get(0);
        AuditEntry forged = new AuditEntry(2, second.at(), "mallory", second.action(), second.target(),
                second.detailsJson(), second.previousHash(), null);
        String forgedHash = CanonicalFormAccess.hashOf(forged, "mallory");
        sql(s, "UPDATE audit_log SET actor = 'mallory', entry_hash = '" + forgedHash + "' WHERE seq = 2");
        AuditBreak b = s.audit().verify().firstBreak();
        assertEquals(3, b.seq());
        assertEquals(AuditBreak.Kind.LINK_BROKEN, b.kind());
        assertEquals("entry 3 links to previous hash " + second.hash() + " but entry 2 hashes to " + forgedHash
                + ": one of the two was rewritten", b.detail());
    }

    @Test
    void deletedEntriesAreFoundInTheMiddleAndAtTheEnd() {
        Store s = fresh();
        for (int i = 1; i <= 6; i++) {
            s.audit().append(event("deploy.accepted", i));
        }
        sql(s, "DELETE FROM audit_log WHERE seq >= 5");
        assertEquals(new AuditBreak(5, AuditBreak.Kind.ENTRIES_REMOVED,
                "the log ends at entry 4 but entry 6 was appended: entries 5..6 were removed"),
                s.audit().verify().firstBreak());
        sql(s, "DELETE FROM audit_log WHERE seq = 2");
        assertEquals(new AuditBreak(2, AuditBreak.Kind.ENTRY_MISSING,
                "entry 2 is missing: entry 1 is followed by entry 3"), s.audit().verify().firstBreak());
    }

    // ---- backup and restore ----

    @Test
    void backupWipeRestoreGivesEqualData() {
        Store source = fresh();
        populate(source);
        Contents before = Contents.of(source);
        Path file = tmp.resolve("store.backup.gz");
        List<String> progress = new ArrayList<>();
        BackupHeader header = source.backups().backup(file, (t, d, n) -> progress.add(t + " " + d + "/" + n));
        assertEquals(Map.of("deployments", 26L, "grants", 3L, "audit_log", 30L), header.rows());
        assertEquals(expectedKind().name(), header.database());
        assertEquals("2", header.schemaVersion());
        assertTrue(progress.containsAll(List.of("deployments 0/26", "deployments 26/26", "grants 3/3",
                "audit_log 30/30")), progress.toString());
        assertEquals(header, source.backups().readHeader(file));

        // wipe: the same store, every table emptied by a forced restore of an empty store's backup
        Path empty = tmp.resolve("empty.backup.gz");
        fresh().backups().backup(empty, BackupProgress.NONE);
        source.backups().restore(empty, RestoreMode.OVERWRITE_NEWER_DATA, BackupProgress.NONE);
        assertEquals(new Contents(List.of(), List.of(), List.of()), Contents.of(source));

        RestoreResult result = source.backups().restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE);
        assertTrue(result.audit().intact(), result.audit().describe());
        assertEquals(before, Contents.of(source));
        // the chain goes on where the backup ended
        assertEquals(31, source.audit().append(event("after.restore", 31)).seq());
        assertTrue(source.audit().verify().intact());

        Store other = fresh();
        other.backups().restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE);
        assertEquals(before, Contents.of(other));
    }

    private static final List<String> SAMPLE_MODULE = List.of("V1__things.sql", "V2__label.sql", "V3__kinds.sql");

    private static List<String> sampleRows(Store s) {
        return s.transactions().inTransaction("reading the sample module", c -> {
            List<String> rows = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT t.id, t.body, t.label, t.updated_at, t.done, t.weight, t.position,"
                    + " p.part FROM sample_things t LEFT JOIN sample_parts p ON p.thing_id = t.id ORDER BY t.id, p.part");
                    var rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 8; i++) {
                        row.append(i == 1 ? "" : "|").append(i == 4 ? String.valueOf(dev.palisade.store.internal.SqlTimes
                                .get(rs, i)) : rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        });
    }

    @Test
    void aBackupCarriesTheModulesTablesAndARestoreNeedsThemCreatedFirst() {
        Store source = fresh();
        ClassLoader loader = StoreContract.class.getClassLoader();
        source.migrateModule("sample_module", loader, SAMPLE_MODULE);
        source.transactions().inTransaction("writing sample rows", c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("INSERT INTO sample_things (id, body, label, updated_at, done, weight, position) VALUES"
                        + " ('a', '{\"x\":1}', 'first', TIMESTAMP '2026-01-02 03:04:05.123456', TRUE, 2.5, 7)");
                st.executeUpdate("INSERT INTO sample_things (id, body) VALUES ('b', '{}')");
                st.executeUpdate("INSERT INTO sample_parts (thing_id, part) VALUES ('a', 1), ('a', 2)");
            }
            return null;
        });
        List<String> before = sampleRows(source);
        Path file = tmp.resolve("modules.backup.gz");
        BackupHeader header = source.backups().backup(file, BackupProgress.NONE);
        assertEquals(Map.of("sample_module", "3"), header.modules());
        assertEquals(2L, header.rows().get("sample_things"));
        assertEquals(2L, header.rows().get("sample_parts"));

        Store withoutModule = fresh();
        RestoreRefusedException refused = assertThrows(RestoreRefusedException.class, () -> withoutModule.backups()
                .restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE));
        assertTrue(refused.getMessage().contains("holds the sample_module module's tables at version 3, but this store"
                + " has none of them; start the host"), refused.getMessage());

        Store target = fresh();
        target.migrateModule("sample_module", loader, SAMPLE_MODULE);
        target.backups().restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE);
        assertEquals(before, sampleRows(target));
        assertEquals(3, before.size(), before.toString()); // a with its two parts, b with none
    }

    @Test
    void restoreRefusesNewerDataUnlessForced() throws Exception {
        Store s = fresh();
        populate(s);
        Path file = tmp.resolve("old.backup.gz");
        BackupHeader header = s.backups().backup(file, BackupProgress.NONE);
        Thread.sleep(5);
        AuditEntry newer = s.audit().append(event("newer", 99));
        RestoreRefusedException e = assertThrows(RestoreRefusedException.class,
                () -> s.backups().restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE));
        assertEquals("the store holds data from " + newer.at() + ", newer than backup " + file + " (newest "
                + header.newestDataAt() + "); restoring would lose it: take a backup first, then restore with --force",
                e.getMessage());
        assertEquals(31, s.audit().size());
        s.backups().restore(file, RestoreMode.OVERWRITE_NEWER_DATA, BackupProgress.NONE);
        assertEquals(30, s.audit().size());
        assertTrue(s.audit().verify().intact());
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedAndNothingChanges() throws IOException {
        Store s = fresh();
        populate(s);
        Path file = tmp.resolve("full.backup.gz");
        s.backups().backup(file, BackupProgress.NONE);
        byte[] whole = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.backup.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 40));
        Contents before = Contents.of(s);
        BackupFormatException e = assertThrows(BackupFormatException.class,
                () -> s.backups().restore(cut, RestoreMode.OVERWRITE_NEWER_DATA, BackupProgress.NONE));
        assertTrue(e.getMessage().startsWith("backup file " + cut + " is truncated or damaged after line "),
                e.getMessage());
        assertEquals(before, Contents.of(s));

        Path text = tmp.resolve("notes.txt");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(text))) {
            out.write("{\"hello\":1}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        e = assertThrows(BackupFormatException.class,
                () -> s.backups().restore(text, RestoreMode.OVERWRITE_NEWER_DATA, BackupProgress.NONE));
        assertEquals("backup file " + text + " does not start with a \"palisade-store-backup\" header; it is not a "
                + "Palisade backup", e.getMessage());
        assertEquals(before, Contents.of(s));
    }

    @Test
    void aBackupIsOneSnapshotWhileAppendsGoOn() throws Exception {
        Store s = fresh();
        populate(s);
        Path file = tmp.resolve("live.backup.gz");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            // When the backup starts copying the audit log, ten more entries are appended and committed.
            BackupHeader header = s.backups().backup(file, (table, done, total) -> {
                if (table.equals("audit_log") && done == 0) {
                    try {
                        writer.submit(() -> {
                            for (int i = 0; i < 10; i++) {
                                s.audit().append(event("during.backup", i));
                            }
                            return null;
                        }).get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError("appends blocked while a backup ran", e);
                    }
                }
            });
            assertEquals(30L, header.rows().get("audit_log"));
        } finally {
            writer.shutdownNow();
        }
        assertEquals(40, s.audit().size());
        Store copy = fresh();
        RestoreResult r = copy.backups().restore(file, RestoreMode.REFUSE_NEWER_DATA, BackupProgress.NONE);
        assertTrue(r.audit().intact(), r.audit().describe());
        assertEquals(30, copy.audit().size());
    }

    // ---- pool ----

    @Test
    void aBusyPoolFailsAfterTheAcquireTimeoutWithStoreBusy() throws Exception {
        Store s = open(databases().fresh().withPool(new PoolSettings(1, 1, Duration.ofMillis(1500),
                Duration.ofMinutes(10))));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> s.transactions().inTransaction("holding", c -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            StoreBusyException e = assertThrows(StoreBusyException.class, () -> s.audit().size());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 1400 && ms < 5000, "waited " + ms + " ms");
            assertEquals("counting audit entries failed: all 1 connections to " + s.database()
                    + " stayed in use for 1500 ms; raise palisade.db.pool.max or find what holds them", e.getMessage());
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertEquals(0, s.audit().size());
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void callsAfterCloseSayTheStoreIsClosed() {
        Store s = fresh();
        s.close();
        StoreException e = assertThrows(StoreException.class, () -> s.audit().size());
        assertEquals("counting audit entries failed: the store is closed", e.getMessage());
        assertFalse(s.healthy());
    }

    static void sql(Store s, String statement) {
        s.transactions().inTransaction("test edit", c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(statement);
            }
        });
    }

    static void assertNoNewline(String s) {
        assertNotNull(s);
        assertFalse(s.contains("\n") || s.contains("\r"), s);
    }

}
