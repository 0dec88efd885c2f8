package dev.palisade.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code TIMESTAMP(6)} columns: always UTC, always microseconds (what both databases
 * keep), so what is read back equals what was written after {@link #truncate(Instant)}.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** @return {@code at} cut to microseconds, the precision the store keeps */
    public static Instant truncate(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    public static void set(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setObject(index, null);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(truncate(at), ZoneOffset.UTC));
        }
    }

    public static Instant get(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    public static Instant get(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
