package dev.palisade.core.execute.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.palisade.core.execute.engine.TaskRecord;
import dev.palisade.core.execute.engine.TaskSpec;
import dev.palisade.host.bridge.ModuleDatabase;

/**
 * The execute module's tables ({@code execute_executions}, {@code execute_tasks}, {@code execute_log}) over
 * the store's {@link ModuleDatabase}: each call one transaction. Failures are the store's
 * {@link dev.palisade.host.bridge.HostProblem}s. Thread-safe.
 */
public final class ExecutionStore {

    /** The module name and scripts handed to {@link ModuleDatabase#migrate}. */
    public static final String MODULE = "execute";
    public static final List<String> SCRIPTS = List.of("V1__execute.sql");

    private static final String EXECUTION_COLUMNS = "id, plan_id, context_id, agent_id, status, reason, strategy, "
            + "created_at, updated_at, finished_at";

    private final ModuleDatabase db;

    public ExecutionStore(ModuleDatabase db) {
        this.db = db;
    }

    /** Applies the module's migrations. */
    public void migrate() {
        db.migrate(MODULE, ExecutionStore.class.getClassLoader(), SCRIPTS);
    }

    /** Stores a new execution, {@code pending}, with every task {@code pending}, in one transaction. */
    public void create(ExecutionHeader h, List<TaskSpec> tasks) {
        db.inTransaction("storing execution " + h.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO execute_executions (" + EXECUTION_COLUMNS
                    + ", request) VALUES (?, ?, ?, ?, 'pending', NULL, ?, ?, ?, NULL, ?)")) {
                ps.setString(1, h.id());
                ps.setString(2, h.planId());
                ps.setString(3, h.contextId());
                ps.setString(4, h.agentId());
                ps.setString(5, h.strategy());
                SqlValues.instant(ps, 6, h.createdAt());
                SqlValues.instant(ps, 7, h.createdAt());
                SqlValues.json(ps, 8, h.request());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO execute_tasks (execution_id, task_id, "
                    + "position, name, extension, method, status, attempts) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0)")) {
                for (int i = 0; i < tasks.size(); i++) {
                    TaskSpec t = tasks.get(i);
                    ps.setString(1, h.id());
                    ps.setString(2, t.id());
                    ps.setInt(3, i);
                    ps.setString(4, t.name());
                    ps.setString(5, t.extension());
                    ps.setString(6, t.method());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Records, in one transaction, what changed since the last call: the tasks' newest states, the new log
     * lines and, when it changed, the execution's status.
     *
     * @param status the execution's new status, or {@code null} when it did not change
     */
    public void record(String executionId, List<TaskRecord> tasks, List<LogLine> lines, StatusChange status) {
        db.inTransaction("recording the progress of execution " + executionId, c -> {
            if (!tasks.isEmpty()) {
                updateTasks(c, executionId, tasks);
            }
            insertLog(c, lines);
            if (status != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE execute_executions SET status = ?, reason = ?, "
                        + "updated_at = ?, finished_at = ? WHERE id = ?")) {
                    ps.setString(1, status.status());
                    ps.setString(2, status.reason());
                    SqlValues.instant(ps, 3, status.at());
                    SqlValues.instant(ps, 4, status.finished() ? status.at() : null);
                    ps.setString(5, executionId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * An execution's status change.
     *
     * @param finished whether the execution ended (then {@code at} is its {@code finished_at})
     */
    public record StatusChange(String status, String reason, Instant at, boolean finished) {
    }

    private static void updateTasks(Connection c, String executionId, List<TaskRecord> tasks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE execute_tasks SET status = ?, attempts = ?, "
                + "started_at = ?, finished_at = ?, output = ?, error = ?, reason = ?, hook = ?, "
                + "confirmation_id = ? WHERE execution_id = ? AND task_id = ?")) {
            for (TaskRecord r : tasks) {
                ps.setString(1, r.status().protocolName());
                ps.setInt(2, r.attempts());
                SqlValues.instant(ps, 3, r.startedAt());
                SqlValues.instant(ps, 4, r.finishedAt());
                SqlValues.json(ps, 5, r.output());
                SqlValues.json(ps, 6, r.error());
                ps.setString(7, r.reason());
                ps.setString(8, r.hook());
                ps.setString(9, r.confirmationId());
                ps.setString(10, executionId);
                ps.setString(11, r.taskId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertLog(Connection c, List<LogLine> lines) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO execute_log (execution_id, seq, at, level, "
                + "task_id, message) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (LogLine l : lines) {
                ps.setString(1, l.executionId());
                ps.setLong(2, l.seq());
                SqlValues.instant(ps, 3, l.at());
                ps.setString(4, l.level());
                ps.setString(5, l.taskId());
                ps.setString(6, l.message());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return the execution with its tasks, as {@code GET /executions/{id}} answers it */
    public Optional<Map<String, Object>> find(String id) {
        return db.inTransaction("reading execution " + id, c -> {
            Map<String, Object> view;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EXECUTION_COLUMNS
                    + " FROM execute_executions WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    view = ExecutionViews.execution(rs);
                }
            }
            List<Map<String, Object>> tasks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM execute_tasks WHERE execution_id = ? "
                    + "ORDER BY position")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(ExecutionViews.task(rs));
                    }
                }
            }
            view.put("summary", ExecutionViews.summary(tasks));
            view.put("tasks", tasks);
            return Optional.of(view);
        });
    }

    /**
     * @param planId only this plan's executions, or {@code null}
     * @param status only executions in this status, or {@code null}
     * @return the executions without their tasks, newest first
     */
    public List<Map<String, Object>> list(String planId, String status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + EXECUTION_COLUMNS + " FROM execute_executions WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (planId != null) {
            sql.append(" AND plan_id = ?");
            args.add(planId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return db.inTransaction("listing executions", c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(ExecutionViews.execution(rs));
                    }
                }
            }
            return out;
        });
    }

    /** @return the id of the plan's newest execution */
    public Optional<String> latest(String planId) {
        List<Map<String, Object>> newest = list(planId, null, 1);
        return newest.isEmpty() ? Optional.empty() : Optional.of((String) newest.get(0).get("id"));
    }

    /** @return the execution's log lines with a number above {@code afterSeq}, in order */
    public List<LogLine> logAfter(String executionId, long afterSeq) {
        return db.inTransaction("reading the log of execution " + executionId, c -> {
            List<LogLine> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, level, task_id, message FROM execute_log "
                    + "WHERE execution_id = ? AND seq > ? ORDER BY seq")) {
                ps.setString(1, executionId);
                ps.setLong(2, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LogLine(executionId, rs.getLong("seq"), SqlValues.instant(rs, "at"),
                                rs.getString("level"), rs.getString("task_id"), rs.getString("message")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Marks the executions a stopped host left unfinished as failed with reason {@code host restarted}, and
     * their unfinished tasks cancelled; called before the engine takes work.
     *
     * @return how many executions were marked
     */
    public int markInterrupted(Instant at) {
        return db.inTransaction("marking executions the host left unfinished", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM execute_executions WHERE status IN "
                    + "('pending', 'running', 'paused')"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE execute_tasks SET status = 'cancelled', "
                        + "finished_at = ?, reason = 'host restarted' WHERE execution_id = ? AND status IN "
                        + "('pending', 'running', 'waiting_approval', 'retrying')")) {
                    SqlValues.instant(ps, 1, at);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
                status(c, id, at);
            }
            return ids.size();
        });
    }

    private static void status(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE execute_executions SET status = 'failed', "
                + "reason = 'host restarted', updated_at = ?, finished_at = ? WHERE id = ?")) {
            SqlValues.instant(ps, 1, at);
            SqlValues.instant(ps, 2, at);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }
}
