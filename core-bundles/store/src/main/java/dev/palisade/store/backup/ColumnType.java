package dev.palisade.store.backup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.store.internal.SqlTimes;

/** How a column's value travels through a backup file. */
enum ColumnType {

    /** VARCHAR or TEXT: a JSON string. */
    TEXT {
        @Override
        void write(ResultSet rs, int column, JsonGenerator out) throws java.io.IOException, SQLException {
            String v = rs.getString(column);
            if (v == null) {
                out.writeNull();
            } else {
                out.writeString(v);
            }
        }

        @Override
        void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException {
            if (value == null || value.isNull()) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, value.asText());
            }
        }
    },

    /** BIGINT: a JSON number. */
    BIGINT {
        @Override
        void write(ResultSet rs, int column, JsonGenerator out) throws java.io.IOException, SQLException {
            long v = rs.getLong(column);
            if (rs.wasNull()) {
                out.writeNull();
            } else {
                out.writeNumber(v);
            }
        }

        @Override
        void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException {
            if (value == null || value.isNull()) {
                ps.setNull(index, Types.BIGINT);
            } else {
                ps.setLong(index, value.asLong());
            }
        }
    },

    /** TIMESTAMP(6) in UTC: an ISO-8601 instant string. */
    TIMESTAMP {
        @Override
        void write(ResultSet rs, int column, JsonGenerator out) throws java.io.IOException, SQLException {
            Instant v = SqlTimes.get(rs, column);
            if (v == null) {
                out.writeNull();
            } else {
                out.writeString(v.toString());
            }
        }

        @Override
        void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException {
            SqlTimes.set(ps, index, value == null || value.isNull() ? null : Instant.parse(value.asText()));
        }
    },

    /** BOOLEAN: a JSON boolean. */
    BOOLEAN {
        @Override
        void write(ResultSet rs, int column, JsonGenerator out) throws java.io.IOException, SQLException {
            boolean v = rs.getBoolean(column);
            if (rs.wasNull()) {
                out.writeNull();
            } else {
                out.writeBoolean(v);
            }
        }

        @Override
        void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException {
            if (value == null || value.isNull()) {
                ps.setNull(index, Types.BOOLEAN);
            } else if (value.isBoolean()) {
                ps.setBoolean(index, value.booleanValue());
            } else {
                throw new IllegalArgumentException("expected true or false");
            }
        }
    },

    /** DOUBLE, NUMERIC, DECIMAL: a JSON number, exactly as the database gave it. */
    NUMBER {
        @Override
        void write(ResultSet rs, int column, JsonGenerator out) throws java.io.IOException, SQLException {
            java.math.BigDecimal v = rs.getBigDecimal(column);
            if (v == null) {
                out.writeNull();
            } else {
                out.writeNumber(v);
            }
        }

        @Override
        void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException {
            if (value == null || value.isNull()) {
                ps.setNull(index, Types.NUMERIC);
            } else if (value.isNumber()) {
                ps.setBigDecimal(index, value.decimalValue());
            } else {
                throw new IllegalArgumentException("expected a number");
            }
        }
    };

    abstract void write(ResultSet rs, int column, JsonGenerator out) throws java.io.IOException, SQLException;

    abstract void bind(PreparedStatement ps, int index, JsonNode value) throws SQLException;
}
