package dev.palisade.core.confirm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.palisade.protocol.SqlInstants;

/** The {@code confirm_approvers} table, in plain JDBC on the caller's transaction. Stateless. */
public final class ApproverTable {

    private static final String COLUMNS =
            "SELECT id, name, algorithm, public_key, fingerprint, registered_at FROM confirm_approvers";

    /**
     * @throws SQLException when the id is taken (the store answers 409 {@code store-conflict})
     */
    public void insert(Connection c, Approver approver) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirm_approvers (id, name, algorithm,"
                + " public_key, fingerprint, registered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, approver.id());
            ps.setString(2, approver.name());
            ps.setString(3, approver.algorithm());
            ps.setString(4, approver.publicKey());
            ps.setString(5, approver.fingerprint());
            SqlInstants.set(ps, 6, approver.registeredAt());
            ps.executeUpdate();
        }
    }

    public Optional<Approver> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** @return every approver, by name */
    public List<Approver> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY name, id")) {
            return read(ps);
        }
    }

    private static List<Approver> read(PreparedStatement ps) throws SQLException {
        List<Approver> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Approver(rs.getString("id"), rs.getString("name"), rs.getString("algorithm"),
                        rs.getString("public_key"), rs.getString("fingerprint"),
                        SqlInstants.get(rs, "registered_at")));
            }
        }
        return rows;
    }
}
