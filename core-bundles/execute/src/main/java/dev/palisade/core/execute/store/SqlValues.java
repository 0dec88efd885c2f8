package dev.palisade.core.execute.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.Timestamps;
import dev.palisade.web.Json;

/** Instants as UTC {@code TIMESTAMP(6)} values and JSON as TEXT, with {@code null}s. Stateless. */
final class SqlValues {

    private SqlValues() {
    }

    static void instant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static String text(ResultSet rs, String column) throws SQLException {
        Instant at = instant(rs, column);
        return at == null ? null : Timestamps.text(at);
    }

    static void json(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setString(index, value == null ? null : JsonColumns.text(value));
    }

    /** @return the column's JSON as plain values (Map, List, String, Number, Boolean), or {@code null} */
    static Object json(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Json.mapper().convertValue(JsonColumns.tree(text), Object.class);
    }
}
