package dev.palisade.core.plan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.SqlInstants;

/**
 * The {@code plan_plans} table, on a connection of one of the caller's transactions. Stateless;
 * thread-safe.
 */
public final class PlanRepository {

    /** The module's migration scripts, in order. */
    public static final List<String> SCRIPTS = List.of("V1__plan.sql");

    private static final String COLUMNS = "body, revision, created_at";

    /** @return the plan, or empty when there is none */
    public Optional<StoredPlan> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM plan_plans WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * @param name   only plans with exactly this name, or {@code null} for all
     * @return plans, newest first
     */
    public List<StoredPlan> list(Connection c, String name, long limit, long offset) throws SQLException {
        String where = name == null ? "" : " WHERE name = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM plan_plans" + where
                + " ORDER BY created_at DESC, id OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY")) {
            if (name != null) {
                ps.setString(1, name);
            }
            List<StoredPlan> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /** Inserts a new plan; its id must be free. */
    public void insert(Connection c, StoredPlan stored, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_plans (id, name, revision, task_count,"
                + " created_at, updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, stored.id());
            ps.setString(2, stored.plan().path("name").asText());
            ps.setLong(3, stored.revision());
            ps.setInt(4, stored.plan().path("tasks").size());
            SqlInstants.set(ps, 5, micros(stored.createdAt()));
            SqlInstants.set(ps, 6, micros(now));
            ps.setString(7, JsonColumns.text(stored.plan()));
            ps.executeUpdate();
        }
    }

    /**
     * Replaces the plan written at revision {@code stored.revision() - 1}.
     *
     * @throws HostProblem 409 {@code plan-changed} when another write came in between
     */
    public void update(Connection c, StoredPlan stored, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plan_plans SET name = ?, revision = ?, task_count = ?,"
                + " updated_at = ?, body = ? WHERE id = ? AND revision = ?")) {
            ps.setString(1, stored.plan().path("name").asText());
            ps.setLong(2, stored.revision());
            ps.setInt(3, stored.plan().path("tasks").size());
            SqlInstants.set(ps, 4, micros(now));
            ps.setString(5, JsonColumns.text(stored.plan()));
            ps.setString(6, stored.id());
            ps.setLong(7, stored.revision() - 1);
            if (ps.executeUpdate() == 0) {
                throw new HostProblem(409, "plan-changed", "Plan changed meanwhile", "plan " + stored.id()
                        + " was changed or removed by another request while this one was applied; nothing was"
                        + " stored; read the plan again and retry", Map.of("id", stored.id()));
            }
        }
    }

    /** @return whether a plan was deleted */
    public boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan_plans WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static StoredPlan read(ResultSet rs) throws SQLException {
        return new StoredPlan((ObjectNode) JsonColumns.tree(rs.getString("body")), rs.getLong("revision"),
                SqlInstants.get(rs, "created_at"));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
