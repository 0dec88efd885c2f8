package dev.palisade.store.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.palisade.store.StoreException;
import dev.palisade.store.internal.JsonText;

/** Writes a backup file from inside one snapshot transaction. */
final class BackupWriter {

    private BackupWriter() {
    }

    /**
     * Writes {@code file} (replacing it) through a temporary file beside it, so a failed backup never
     * leaves a file that looks complete.
     */
    static BackupHeader write(Connection c, Path file, String schemaVersion, String database, Instant now,
            BackupProgress progress) throws SQLException {
        List<TableSpec> tables = ModuleTables.all(c);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TableSpec t : tables) {
            rows.put(t.name(), count(c, t));
        }
        BackupHeader header = new BackupHeader(Backups.FORMAT_VERSION, schemaVersion, database, now,
                newestData(c, tables), rows, ModuleTables.versions(c));
        Path dir = file.toAbsolutePath().getParent();
        Path partial = dir.resolve(file.getFileName() + ".partial");
        try {
            Files.createDirectories(dir);
            try (OutputStream raw = Files.newOutputStream(partial);
                    GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
                    JsonGenerator out = JsonText.mapper().getFactory().createGenerator(gz, JsonEncoding.UTF8)) {
                out.setRootValueSeparator(null);
                BackupFiles.writeHeader(out, header);
                long total = 0;
                for (TableSpec t : tables) {
                    total += copyTable(c, t, rows.get(t.name()), out, progress);
                }
                out.writeRaw('\n');
                out.writeStartObject();
                out.writeBooleanField("end", true);
                out.writeNumberField("rows", total);
                out.writeEndObject();
                out.writeRaw('\n');
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return header;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new StoreException("writing the backup " + file + " failed: " + e.getMessage()
                    + "; check the folder exists, is writable and has space", e);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static long copyTable(Connection c, TableSpec t, long total, JsonGenerator out, BackupProgress progress)
            throws SQLException, IOException {
        progress.update(t.name(), 0, total);
        List<Map.Entry<String, ColumnType>> columns = List.copyOf(t.columns().entrySet());
        long done = 0;
        try (PreparedStatement ps = c.prepareStatement(t.selectAll())) {
            ps.setFetchSize(BackupProgress.EVERY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.writeRaw('\n');
                    out.writeStartObject();
                    out.writeStringField("table", t.name());
                    out.writeObjectFieldStart("row");
                    for (int i = 0; i < columns.size(); i++) {
                        out.writeFieldName(columns.get(i).getKey());
                        columns.get(i).getValue().write(rs, i + 1, out);
                    }
                    out.writeEndObject();
                    out.writeEndObject();
                    done++;
                    if (done % BackupProgress.EVERY == 0) {
                        progress.update(t.name(), done, total);
                    }
                }
            }
        }
        progress.update(t.name(), done, total);
        return done;
    }

    static long count(Connection c, TableSpec t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.name());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return the newest timestamp in any of the tables, or {@code null} when all are empty */
    static Instant newestData(Connection c, List<TableSpec> tables) throws SQLException {
        Instant newest = null;
        for (TableSpec t : tables) {
            if (t.timeColumn() == null) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(" + t.timeColumn() + ") FROM " + t.name());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant v = dev.palisade.store.internal.SqlTimes.get(rs, 1);
                if (v != null && (newest == null || v.isAfter(newest))) {
                    newest = v;
                }
            }
        }
        return newest;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the partial file is named .partial; leaving it is harmless
        }
    }
}
