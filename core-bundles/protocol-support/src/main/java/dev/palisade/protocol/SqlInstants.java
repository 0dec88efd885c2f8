package dev.palisade.protocol;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in a module's {@code TIMESTAMP(6)} columns, which hold UTC on H2 and PostgreSQL alike (the
 * store's one dialect): written and read as UTC local date-times, never through the JVM's time zone.
 * Stateless.
 */
public final class SqlInstants {

    private SqlInstants() {
    }

    /** Sets parameter {@code index} to {@code at} in UTC ({@code null} for SQL NULL). */
    public static void set(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setObject(index, at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** @return the column's UTC value as an instant, or {@code null} for SQL NULL */
    public static Instant get(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
