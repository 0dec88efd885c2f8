package dev.palisade.core.trace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.trace.Span;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.SqlInstants;

/**
 * The {@code trace_spans} table, on a connection of one of the caller's transactions. Stateless;
 * thread-safe.
 */
public final class SpanStore {

    /** The module's migration scripts, in order. */
    public static final List<String> SCRIPTS = List.of("V1__trace.sql");

    /** Inserts the spans as one JDBC batch; a taken {@code id} fails the whole statement. */
    public void insert(Connection c, List<Span> spans) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trace_spans (id, trace_id, span_id,"
                + " parent_span_id, context_id, agent_id, started_at, ended_at, status, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Span s : spans) {
                ps.setString(1, s.text("id"));
                ps.setString(2, s.text("trace_id"));
                ps.setString(3, s.text("span_id"));
                ps.setString(4, s.text("parent_span_id"));
                ps.setString(5, s.text("context_id"));
                ps.setString(6, s.text("agent_id"));
                SqlInstants.set(ps, 7, s.start().truncatedTo(ChronoUnit.MICROS));
                SqlInstants.set(ps, 8, s.end() == null ? null : s.end().truncatedTo(ChronoUnit.MICROS));
                ps.setString(9, s.status());
                ps.setString(10, JsonColumns.text(s.json()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return the trace's spans by start (then span id) */
    public List<JsonNode> ofTrace(Connection c, String traceId) throws SQLException {
        return select(c, SpanQuery.all().traceId(traceId), " ORDER BY started_at, span_id");
    }

    /** @return the spans the query selects, newest start first */
    public List<JsonNode> query(Connection c, SpanQuery query) throws SQLException {
        return select(c, query, " ORDER BY started_at DESC, span_id FETCH FIRST " + query.limit() + " ROWS ONLY");
    }

    private static List<JsonNode> select(Connection c, SpanQuery query, String order) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM trace_spans" + query.where() + order)) {
            List<String> values = query.values();
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            List<JsonNode> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JsonColumns.tree(rs.getString(1)));
                }
            }
            return out;
        }
    }
}
