package dev.palisade.store.backup;

import java.time.Instant;
import java.util.Map;

/**
 * The first line of a backup file.
 *
 * @param formatVersion the file format's version, {@value Backups#FORMAT_VERSION} here
 * @param schemaVersion the store schema the rows follow
 * @param database      the kind of database that wrote it ({@code H2}, {@code POSTGRESQL})
 * @param createdAt     when the backup was taken
 * @param newestDataAt  the newest timestamp in any backed-up table, or {@code null} when empty
 * @param rows          rows per table
 * @param modules       each protocol module's schema version, by module name (empty in backups taken
 *                      before the modules had tables)
 */
public record BackupHeader(int formatVersion, String schemaVersion, String database, Instant createdAt,
        Instant newestDataAt, Map<String, Long> rows, Map<String, String> modules) {

    /** @return rows in all tables */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
