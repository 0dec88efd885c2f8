package dev.palisade.host.bridge;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backup file holds, from its header.
 *
 * @param database      the kind of database that wrote it ({@code H2}, {@code POSTGRESQL})
 * @param schemaVersion the store schema its rows follow
 * @param createdAt     when it was taken
 * @param newestDataAt  the newest timestamp in any of its tables, or {@code null} when they are empty
 * @param rows          rows per table, in the order they are restored
 */
public record BackupSummary(String database, String schemaVersion, Instant createdAt, Instant newestDataAt,
        Map<String, Long> rows) {

    public BackupSummary {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** @return rows in all tables */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
