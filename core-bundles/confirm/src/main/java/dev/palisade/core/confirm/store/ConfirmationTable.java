package dev.palisade.core.confirm.store;

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
 * The {@code confirm_requests} table, in plain JDBC on the caller's transaction. The object is the
 * {@code body} column; status, target, creation and expiry are copied into indexed columns. Stateless.
 */
public final class ConfirmationTable {

    private static final String COLUMNS = "SELECT body, status, expires_at FROM confirm_requests";

    /**
     * Inserts a new row.
     *
     * @throws SQLException when the id is taken (the store answers 409 {@code store-conflict})
     */
    public void insert(Connection c, StoredConfirmation row, Instant createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirm_requests (id, status, target_type,"
                + " target_id, created_at, updated_at, expires_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.id());
            ps.setString(2, row.status());
            ps.setString(3, row.body().path("target").path("type").asText());
            ps.setString(4, row.body().path("target").path("id").asText());
            SqlInstants.set(ps, 5, createdAt);
            SqlInstants.set(ps, 6, createdAt);
            SqlInstants.set(ps, 7, row.expiresAt());
            ps.setString(8, JsonColumns.text(row.body()));
            ps.executeUpdate();
        }
    }

    /** Replaces the row's object and status; the expiry and target never change. */
    public void update(Connection c, StoredConfirmation row, Instant updatedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE confirm_requests SET status = ?, updated_at = ?, body = ? WHERE id = ?")) {
            ps.setString(1, row.status());
            SqlInstants.set(ps, 2, updatedAt);
            ps.setString(3, JsonColumns.text(row.body()));
            ps.setString(4, row.id());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("confirmation " + row.id() + " vanished while it was being updated");
            }
        }
    }

    /**
     * @param lock whether to lock the row until the transaction ends ({@code FOR UPDATE}), so that
     *             concurrent decisions on one confirmation apply one after another
     */
    public Optional<StoredConfirmation> find(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            List<StoredConfirmation> found = read(ps);
            return found.stream().findFirst();
        }
    }

    /**
     * @param status   only rows with this status, or {@code null} for any
     * @param targetId only rows about this target, or {@code null} for any
     * @return newest first, at most {@code limit}
     */
    public List<StoredConfirmation> list(Connection c, String status, String targetId, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status);
        }
        if (targetId != null) {
            sql.append(" AND target_id = ?");
            values.add(targetId);
        }
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            return read(ps);
        }
    }

    /** @return the ids of pending rows whose expiry is not after {@code now}, oldest expiry first */
    public List<String> due(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM confirm_requests WHERE status = 'pending'"
                + " AND expires_at <= ? ORDER BY expires_at FETCH FIRST " + limit + " ROWS ONLY")) {
            SqlInstants.set(ps, 1, now);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<StoredConfirmation> read(PreparedStatement ps) throws SQLException {
        List<StoredConfirmation> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredConfirmation((ObjectNode) JsonColumns.tree(rs.getString("body")),
                        rs.getString("status"), SqlInstants.get(rs, "expires_at")));
            }
        }
        return rows;
    }
}
