package dev.palisade.core.context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.SqlInstants;
import dev.palisade.protocol.Timestamps;

/**
 * The {@code context_snapshots} table: copies of a context's {@code shared_state}. Works on the caller's
 * transaction; stateless.
 */
final class SnapshotTables {

    private SnapshotTables() {
    }

    /**
     * One snapshot.
     *
     * @param sharedState the copy, or {@code null} in listings
     */
    record Snapshot(String id, String contextId, String label, long revision, Instant createdAt,
            JsonNode sharedState) {

        /** @return the snapshot as the REST answers show it (without the copy itself) */
        Map<String, Object> summary() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("context_id", contextId);
            out.put("label", label);
            out.put("revision", revision);
            out.put("created_at", Timestamps.text(createdAt));
            return out;
        }
    }

    static void insert(Connection c, Snapshot snapshot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO context_snapshots (id, context_id, label,"
                + " revision, shared_state, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, snapshot.id());
            ps.setString(2, snapshot.contextId());
            ps.setString(3, snapshot.label());
            ps.setLong(4, snapshot.revision());
            ps.setString(5, JsonColumns.text(snapshot.sharedState()));
            SqlInstants.set(ps, 6, snapshot.createdAt());
            ps.executeUpdate();
        }
    }

    /** @return the context's snapshots, oldest first, without their copies */
    static List<Snapshot> list(Connection c, String contextId) throws SQLException {
        List<Snapshot> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, context_id, label, revision, created_at FROM"
                + " context_snapshots WHERE context_id = ? ORDER BY created_at, id")) {
            ps.setString(1, contextId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, null));
                }
            }
        }
        return out;
    }

    /** @return the snapshot {@code id} of context {@code contextId}, with its copy */
    static Optional<Snapshot> find(Connection c, String contextId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, context_id, label, revision, created_at,"
                + " shared_state FROM context_snapshots WHERE id = ? AND context_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, contextId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, JsonColumns.tree(rs.getString("shared_state"))))
                        : Optional.empty();
            }
        }
    }

    private static Snapshot read(ResultSet rs, JsonNode sharedState) throws SQLException {
        return new Snapshot(rs.getString("id"), rs.getString("context_id"), rs.getString("label"),
                rs.getLong("revision"), SqlInstants.get(rs, "created_at"), sharedState);
    }
}
