package dev.palisade.core.execute.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rows of the execute tables as the JSON clients see. Stateless. */
final class ExecutionViews {

    private ExecutionViews() {
    }

    /**
     * @return {@code {id, plan_id, context_id, agent_id, trace_id, status, reason, strategy, created_at,
     *         updated_at, finished_at}}
     */
    static Map<String, Object> execution(ResultSet rs) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        String id = rs.getString("id");
        out.put("id", id);
        out.put("plan_id", rs.getString("plan_id"));
        out.put("context_id", rs.getString("context_id"));
        out.put("agent_id", rs.getString("agent_id"));
        out.put("trace_id", id);
        out.put("status", rs.getString("status"));
        out.put("reason", rs.getString("reason"));
        out.put("strategy", rs.getString("strategy"));
        out.put("created_at", SqlValues.text(rs, "created_at"));
        out.put("updated_at", SqlValues.text(rs, "updated_at"));
        out.put("finished_at", SqlValues.text(rs, "finished_at"));
        return out;
    }

    /**
     * @return {@code {task_id, name, extension, method, status, attempts, started_at, finished_at, output, error,
     *         reason, hook, confirmation_id}}
     */
    static Map<String, Object> task(ResultSet rs) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", rs.getString("task_id"));
        out.put("name", rs.getString("name"));
        out.put("extension", rs.getString("extension"));
        out.put("method", rs.getString("method"));
        out.put("status", rs.getString("status"));
        out.put("attempts", rs.getInt("attempts"));
        out.put("started_at", SqlValues.text(rs, "started_at"));
        out.put("finished_at", SqlValues.text(rs, "finished_at"));
        out.put("output", SqlValues.json(rs, "output"));
        out.put("error", SqlValues.json(rs, "error"));
        out.put("reason", rs.getString("reason"));
        out.put("hook", rs.getString("hook"));
        out.put("confirmation_id", rs.getString("confirmation_id"));
        return out;
    }

    /** @return how many tasks are in each status, by status name */
    static Map<String, Object> summary(List<Map<String, Object>> tasks) {
        Map<String, Object> counts = new TreeMap<>();
        tasks.forEach(t -> counts.merge((String) t.get("status"), 1, (a, b) -> (Integer) a + (Integer) b));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", tasks.size());
        out.putAll(counts);
        return out;
    }
}
