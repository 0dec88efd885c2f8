package dev.palisade.store.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.store.audit.AuditLog;
import dev.palisade.store.internal.Sha256;

/** Replaces the store's tables with a backup's rows inside the caller's transaction. */
final class BackupRestorer {

    private static final int BATCH = 500;

    private BackupRestorer() {
    }

    /** Checks what can be checked before a transaction starts: the header and the schema version. */
    static void checkSchema(BackupHeader header, Path file, String storeSchema) {
        if (MigrationVersion.fromVersion(header.schemaVersion()).compareTo(MigrationVersion.fromVersion(storeSchema)) > 0) {
            throw new RestoreRefusedException("backup " + file + " has schema version " + header.schemaVersion()
                    + ", newer than this store's " + storeSchema
                    + "; restore it with the Palisade version that wrote it, or a newer one");
        }
    }

    static RestoreResult restore(Connection c, BackupFiles.Reader in, Path file, RestoreMode mode,
            BackupProgress progress) throws SQLException {
        BackupHeader header = in.header();
        lockAuditHead(c);
        List<TableSpec> tables = ModuleTables.all(c);
        Instant current = BackupWriter.newestData(c, tables);
        if (mode == RestoreMode.REFUSE_NEWER_DATA && current != null
                && (header.newestDataAt() == null || current.isAfter(header.newestDataAt()))) {
            throw new RestoreRefusedException("the store holds data from " + current + ", newer than backup "
                    + file + " (newest " + header.newestDataAt() + "); restoring would lose it: take a backup first, "
                    + "then restore with --force");
        }
        checkModules(c, header, tables, file);
        for (int i = tables.size() - 1; i >= 0; i--) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables.get(i).name())) {
                ps.executeUpdate();
            }
        }
        Map<String, Long> restored = copyRows(c, in, header, tables, progress);
        for (TableSpec t : tables) {
            long expected = header.rows().getOrDefault(t.name(), 0L);
            long got = restored.getOrDefault(t.name(), 0L);
            if (expected != got) {
                throw in.malformed("the header promises " + expected + " rows of " + t.name() + " but the file holds "
                        + got);
            }
        }
        resetAuditHead(c);
        return new RestoreResult(header, AuditLog.verify(c));
    }

    /**
     * A module table of the backup must exist here, at the backup's module version or newer: its rows are
     * restored into it. (Tables this store has and the backup lacks are emptied, as the backup had none.)
     */
    private static void checkModules(Connection c, BackupHeader header, List<TableSpec> tables, Path file)
            throws SQLException {
        Map<String, String> here = ModuleTables.versions(c);
        for (Map.Entry<String, String> m : header.modules().entrySet()) {
            String mine = here.get(m.getKey());
            if (mine == null || MigrationVersion.fromVersion(m.getValue()).compareTo(MigrationVersion.fromVersion(mine)) > 0) {
                throw new RestoreRefusedException("backup " + file + " holds the " + m.getKey() + " module's tables at"
                        + " version " + m.getValue() + ", but this store has " + (mine == null ? "none of them"
                                : "version " + mine) + "; start the host with this Palisade version once (it creates"
                        + " the modules' tables), stop it, then restore");
            }
        }
        for (String table : header.rows().keySet()) {
            if (named(tables, table) == null) {
                throw new RestoreRefusedException("backup " + file + " holds table " + table
                        + ", which this store does not have; start the host with the Palisade version that wrote"
                        + " the backup once, stop it, then restore");
            }
        }
    }

    private static TableSpec named(List<TableSpec> tables, String name) {
        for (TableSpec t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static Map<String, Long> copyRows(Connection c, BackupFiles.Reader in, BackupHeader header,
            List<TableSpec> tables, BackupProgress progress) throws SQLException {
        Map<String, Long> restored = new HashMap<>();
        TableSpec current = null;
        PreparedStatement insert = null;
        int pending = 0;
        try {
            while (true) {
                JsonNode line = in.next();
                if (line == null) {
                    throw in.truncated(null);
                }
                if (line.path("end").asBoolean(false)) {
                    long total = restored.values().stream().mapToLong(Long::longValue).sum();
                    if (line.path("rows").asLong(-1) != total) {
                        throw in.malformed("the trailer counts " + line.path("rows").asLong(-1) + " rows, the file holds "
                                + total);
                    }
                    break;
                }
                TableSpec t = named(tables, line.path("table").asText());
                JsonNode row = line.path("row");
                if (t == null || !row.isObject()) {
                    throw in.malformed("expected {\"table\":<a table the header counts>,\"row\":{...}}");
                }
                if (t != current) {
                    if (insert != null) {
                        flush(insert, pending);
                        insert.close();
                        progress.update(current.name(), restored.get(current.name()),
                                header.rows().getOrDefault(current.name(), 0L));
                    }
                    current = t;
                    insert = c.prepareStatement(t.insert());
                    pending = 0;
                    progress.update(t.name(), 0, header.rows().getOrDefault(t.name(), 0L));
                }
                int index = 1;
                for (Map.Entry<String, ColumnType> col : t.columns().entrySet()) {
                    try {
                        col.getValue().bind(insert, index++, row.get(col.getKey()));
                    } catch (RuntimeException e) {
                        throw in.malformed("column " + col.getKey() + " of " + t.name() + " holds "
                                + row.get(col.getKey()) + ": " + e.getMessage());
                    }
                }
                insert.addBatch();
                pending++;
                long n = restored.merge(t.name(), 1L, Long::sum);
                if (pending == BATCH) {
                    flush(insert, pending);
                    pending = 0;
                }
                if (n % BackupProgress.EVERY == 0) {
                    progress.update(t.name(), n, header.rows().getOrDefault(t.name(), 0L));
                }
            }
            if (insert != null) {
                flush(insert, pending);
                progress.update(current.name(), restored.get(current.name()),
                        header.rows().getOrDefault(current.name(), 0L));
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
        return restored;
    }

    private static void flush(PreparedStatement insert, int pending) throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
        }
    }

    private static void lockAuditHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    private static void resetAuditHead(Connection c) throws SQLException {
        long seq = 0;
        String hash = Sha256.ZERO;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }
}
