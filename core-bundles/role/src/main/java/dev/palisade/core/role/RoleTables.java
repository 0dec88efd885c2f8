package dev.palisade.core.role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.SqlInstants;

/**
 * The {@code role_objects} table (each role's MPLP object as JSON text, unique names, its revision) and
 * {@code role_parents} (its {@code inheritance.parent_roles}, in order). Works on the caller's
 * transaction; stateless.
 */
final class RoleTables {

    /** A stored role and the revision a write over it names. */
    record Stored(ObjectNode body, long revision) {
    }

    private RoleTables() {
    }

    static Optional<ObjectNode> find(Connection c, String id) throws SQLException {
        return one(c, "SELECT body FROM role_objects WHERE id = ?", id);
    }

    static Optional<Stored> findStored(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body, revision FROM role_objects WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored((ObjectNode) JsonColumns.tree(rs.getString(1)),
                        rs.getLong(2))) : Optional.empty();
            }
        }
    }

    static Optional<ObjectNode> findByName(Connection c, String name) throws SQLException {
        return one(c, "SELECT body FROM role_objects WHERE name = ?", name);
    }

    /** @return the stored parents of {@code id}, in order */
    static List<String> parents(Connection c, String id) throws SQLException {
        return ids(c, "SELECT parent_id FROM role_parents WHERE role_id = ? ORDER BY position", id);
    }

    /** @return every role's stored parents, in order, by role id */
    static Map<String, List<String>> allParents(Connection c) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT role_id, parent_id FROM role_parents ORDER BY role_id, position");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    /** @return the roles that name {@code id} as a parent */
    static List<String> children(Connection c, String id) throws SQLException {
        return ids(c, "SELECT role_id FROM role_parents WHERE parent_id = ? ORDER BY role_id", id);
    }

    /** @return at most {@code limit} roles by name, those whose name starts with {@code prefix} when given */
    static List<ObjectNode> list(Connection c, String prefix, int limit) throws SQLException {
        String sql = "SELECT body FROM role_objects" + (prefix == null ? "" : " WHERE name LIKE ? ESCAPE '!'")
                + " ORDER BY name FETCH FIRST " + limit + " ROWS ONLY";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (prefix != null) {
                ps.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            List<ObjectNode> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add((ObjectNode) JsonColumns.tree(rs.getString(1)));
                }
            }
            return out;
        }
    }

    /** Inserts the role (revision 1) and its parents. */
    static void insert(Connection c, ObjectNode role, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO role_objects (name, body, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            bind(ps, role, at);
            SqlInstants.set(ps, 5, at);
            ps.executeUpdate();
        }
        writeParents(c, role);
    }

    /**
     * Replaces the role and its parents if it is still at {@code revision}, moving it to the next revision.
     *
     * @return false, with nothing written, when the role is gone or at another revision
     */
    static boolean update(Connection c, ObjectNode role, long revision, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE role_objects SET name = ?, body = ?, updated_at = ?,"
                + " revision = revision + 1 WHERE id = ? AND revision = ?")) {
            bind(ps, role, at);
            ps.setLong(5, revision);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        writeParents(c, role);
        return true;
    }

    private static void bind(PreparedStatement ps, ObjectNode role, Instant at) throws SQLException {
        ps.setString(1, role.path("name").asText());
        ps.setString(2, JsonColumns.text(role));
        SqlInstants.set(ps, 3, at);
        ps.setString(4, role.path("id").asText());
    }

    private static void writeParents(Connection c, ObjectNode role) throws SQLException {
        String id = role.path("id").asText();
        deleteParents(c, id);
        int position = 0;
        for (JsonNode parent : role.path("inheritance").path("parent_roles")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO role_parents (role_id, parent_id, position) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, parent.asText());
                ps.setInt(3, position++);
                ps.executeUpdate();
            }
        }
    }

    static boolean delete(Connection c, String id) throws SQLException {
        deleteParents(c, id);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM role_objects WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static void deleteParents(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM role_parents WHERE role_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static Optional<ObjectNode> one(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((ObjectNode) JsonColumns.tree(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static List<String> ids(Connection c, String sql, String value) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
