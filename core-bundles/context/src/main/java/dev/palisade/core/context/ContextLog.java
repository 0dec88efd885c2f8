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

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.SqlInstants;
import dev.palisade.protocol.Timestamps;

/**
 * What happened to each context: {@code context_history} (every status and lifecycle stage change with
 * its reason) and {@code context_changes} (the operations of each revision, the last {@link #KEPT_CHANGES}
 * per context, which sync answers). Works on the caller's transaction; stateless.
 */
final class ContextLog {

    /** How many revisions of changes each context keeps for sync; older ones are answered as full state. */
    static final int KEPT_CHANGES = 1000;

    private ContextLog() {
    }

    /** One status or stage change. */
    record StateChange(String field, String from, String to, String reason) {
    }

    static void recordStateChange(Connection c, String id, long revision, StateChange change, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO context_history (context_id, revision, field,"
                + " from_value, to_value, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, revision);
            ps.setString(3, change.field());
            ps.setString(4, change.from());
            ps.setString(5, change.to());
            ps.setString(6, change.reason());
            SqlInstants.set(ps, 7, at);
            ps.executeUpdate();
        }
    }

    /** @return the context's status and stage changes, oldest first, as the history endpoint shows them */
    static List<Map<String, Object>> history(Connection c, String id) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, field, from_value, to_value, reason,"
                + " changed_at FROM context_history WHERE context_id = ? ORDER BY revision, field")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("revision", rs.getLong("revision"));
                    entry.put("field", rs.getString("field"));
                    entry.put("from", rs.getString("from_value"));
                    entry.put("to", rs.getString("to_value"));
                    entry.put("reason", rs.getString("reason"));
                    entry.put("changed_at", Timestamps.text(SqlInstants.get(rs, "changed_at")));
                    out.add(entry);
                }
            }
        }
        return out;
    }

    /** Records the operations of {@code revision} and forgets those older than the kept window. */
    static void recordChange(Connection c, String id, long revision, String operation,
            List<Map<String, Object>> ops, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO context_changes (context_id, revision, operation,"
                + " ops, changed_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, revision);
            ps.setString(3, operation);
            ps.setString(4, JsonColumns.text(ops));
            SqlInstants.set(ps, 5, at);
            ps.executeUpdate();
        }
        if (revision > KEPT_CHANGES) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM context_changes WHERE context_id = ? AND revision <= ?")) {
                ps.setString(1, id);
                ps.setLong(2, revision - KEPT_CHANGES);
                ps.executeUpdate();
            }
        }
    }

    /** @return the kept changes after revision {@code since}, oldest first */
    static List<Map<String, Object>> changesSince(Connection c, String id, long since) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, operation, ops, changed_at FROM"
                + " context_changes WHERE context_id = ? AND revision > ? ORDER BY revision")) {
            ps.setString(1, id);
            ps.setLong(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("revision", rs.getLong("revision"));
                    change.put("operation", rs.getString("operation"));
                    change.put("changed_at", Timestamps.text(SqlInstants.get(rs, "changed_at")));
                    change.put("ops", JsonColumns.tree(rs.getString("ops")));
                    out.add(change);
                }
            }
        }
        return out;
    }
}
