package dev.palisade.store.backup;

import static dev.palisade.store.backup.ColumnType.BIGINT;
import static dev.palisade.store.backup.ColumnType.TEXT;
import static dev.palisade.store.backup.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * The tables a backup carries, in restore order. {@code audit_head} is not among them: a restore
 * derives it from the newest audit entry. Flyway's history table is not either: the header's schema
 * version stands for it.
 */
final class StoreTables {

    static final List<TableSpec> ALL = List.of(
            TableSpec.of("deployments", "recorded_at, attempt_id", "recorded_at",
                    "attempt_id", TEXT, "recorded_at", TIMESTAMP, "source", TEXT, "file_name", TEXT,
                    "sha256", TEXT, "outcome", TEXT, "extension_id", TEXT, "extension_name", TEXT,
                    "version", TEXT, "reason", TEXT),
            TableSpec.of("grants", "extension_id, permission, target", "granted_at",
                    "extension_id", TEXT, "permission", TEXT, "target", TEXT, "publisher", TEXT, "granted_by", TEXT,
                    "granted_at", TIMESTAMP),
            TableSpec.of("audit_log", "seq", "occurred_at",
                    "seq", BIGINT, "occurred_at", TIMESTAMP, "actor", TEXT, "action", TEXT, "target", TEXT,
                    "details", TEXT, "prev_hash", TEXT, "entry_hash", TEXT));

    private StoreTables() {
    }

    static TableSpec named(String name) {
        for (TableSpec t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
