package dev.palisade.core.execute.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds MPLP plans for the scheduler's tests: tasks named by letter, ids derived from the names. */
final class Plans {

    private final List<Map<String, Object>> tasks = new ArrayList<>();
    private final List<Map<String, Object>> dependencies = new ArrayList<>();
    private final Map<String, Object> workflow = new LinkedHashMap<>();
    private final Map<String, Object> errorHandling = new LinkedHashMap<>();

    static Plans of(String strategy) {
        Plans p = new Plans();
        p.workflow.put("execution_strategy", strategy);
        p.workflow.put("error_handling", p.errorHandling);
        return p;
    }

    static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A task calling plugin {@code tools.work}. */
    Plans task(String name, Map<String, Object> extra) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id(name));
        t.put("name", name);
        t.put("type", "atomic");
        t.put("extension", "tools");
        t.put("method", "work");
        t.put("input", Map.of("name", name));
        t.putAll(extra);
        tasks.add(t);
        return this;
    }

    Plans task(String name) {
        return task(name, Map.of());
    }

    Plans depends(String from, String to, String type) {
        dependencies.add(Map.of("from_task", id(from), "to_task", id(to), "type", type));
        return this;
    }

    Plans handling(String field, Object value) {
        errorHandling.put(field, value);
        return this;
    }

    Plans workflow(String field, Object value) {
        workflow.put(field, value);
        return this;
    }

    Map<String, Object> plan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id("plan"));
        plan.put("name", "test plan");
        plan.put("tasks", tasks);
        plan.put("dependencies", dependencies);
        plan.put("workflow", workflow);
        return plan;
    }

    PlanModel model() {
        return PlanReader.read(plan());
    }
}
