package dev.palisade.host.cli;

import java.util.stream.Collectors;

import dev.palisade.host.bridge.BackupSummary;

/** The one-line descriptions the store commands print. */
final class StoreLines {

    private StoreLines() {
    }

    /** @return "N rows (deployments 3, grants 0, audit_log 120) from H2, schema 1, taken 2026-…" */
    static String of(BackupSummary s) {
        String tables = s.rows().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return s.totalRows() + " rows (" + tables + ") from " + s.database() + ", schema " + s.schemaVersion()
                + ", taken " + s.createdAt();
    }
}
