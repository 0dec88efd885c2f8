package dev.palisade.core.context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.SqlInstants;

/**
 * The {@code context_objects} table: one row per context, its MPLP object as JSON text beside the
 * columns listings filter on. Works on the caller's transaction; stateless.
 */
final class ContextTables {

    private ContextTables() {
    }

    static Optional<StoredContext> find(Connection c, String id, boolean forUpdate) throws SQLException {
        String sql = "SELECT id, revision, body FROM context_objects WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static void insert(Connection c, StoredContext context, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO context_objects (id, status, lifecycle_stage,"
                + " revision, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, context.id());
            ps.setString(2, context.status());
            ps.setString(3, context.stage());
            ps.setLong(4, context.revision());
            ps.setString(5, JsonColumns.text(context.body()));
            SqlInstants.set(ps, 6, at);
            SqlInstants.set(ps, 7, at);
            ps.executeUpdate();
        }
    }

    /**
     * Writes {@code next} over the row if the row is still at {@code expectedRevision}.
     *
     * @return whether the row was written (false: another write came first)
     */
    static boolean update(Connection c, StoredContext next, long expectedRevision, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE context_objects SET status = ?, lifecycle_stage = ?,"
                + " revision = ?, body = ?, updated_at = ? WHERE id = ? AND revision = ?")) {
            ps.setString(1, next.status());
            ps.setString(2, next.stage());
            ps.setLong(3, next.revision());
            ps.setString(4, JsonColumns.text(next.body()));
            SqlInstants.set(ps, 5, at);
            ps.setString(6, next.id());
            ps.setLong(7, expectedRevision);
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes the context and everything kept about it. @return whether there was one */
    static boolean delete(Connection c, String id) throws SQLException {
        for (String table : List.of("context_history", "context_changes", "context_snapshots")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE context_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM context_objects WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * @param status a status to match, or {@code null} for any
     * @param stage  a lifecycle stage to match, or {@code null} for any
     * @return at most {@code limit} contexts, oldest first
     */
    static List<StoredContext> list(Connection c, String status, String stage, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, revision, body FROM context_objects WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status);
        }
        if (stage != null) {
            sql.append(" AND lifecycle_stage = ?");
            values.add(stage);
        }
        sql.append(" ORDER BY created_at, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            List<StoredContext> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private static StoredContext read(ResultSet rs) throws SQLException {
        return new StoredContext(rs.getString("id"), rs.getLong("revision"),
                (ObjectNode) JsonColumns.tree(rs.getString("body")));
    }
}
