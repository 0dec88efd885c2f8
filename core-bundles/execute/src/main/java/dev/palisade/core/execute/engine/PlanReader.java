package dev.palisade.core.execute.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Violation;

/**
 * Reads a stored MPLP plan into a {@link PlanModel}: the plan schema, then the engine's reading of the
 * fields the schema leaves open (a task's {@code extension}, {@code method}, {@code input},
 * {@code condition}, {@code requires_approval}/{@code approval}, {@code rollback}; the workflow's
 * {@code error_handling} and {@code rollback_strategy}), unknown task references and cycles. Stateless.
 */
public final class PlanReader {

    /** The most tasks one execution runs. */
    public static final int MAX_TASKS = 10_000;
    static final int MAX_RETRIES = 10;
    static final long MAX_BACKOFF_MS = 60_000;

    private PlanReader() {
    }

    /**
     * @throws dev.palisade.host.bridge.HostProblem 400 {@code schema-violation} listing every field that
     *         breaks the plan schema or the engine's rules
     */
    public static PlanModel read(Map<String, Object> plan) {
        MplpSchemas.bundled().requireValid("plan", JsonColumns.tree(plan), "the plan");
        List<Violation> found = new ArrayList<>();
        Map<String, Object> workflow = object(plan.get("workflow"));
        Strategy strategy = strategy(workflow);
        ErrorPolicy policy = errorPolicy(workflow, found);
        List<?> rawTasks = (List<?>) plan.get("tasks");
        if (rawTasks.size() > MAX_TASKS) {
            found.add(new Violation("/tasks", "maxItems", "a plan runs at most " + MAX_TASKS + " tasks, this one has "
                    + rawTasks.size()));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rawTasks.size(); i++) {
            TaskSpec task = TaskReader.read(object(rawTasks.get(i)), "/tasks/" + i, strategy, found);
            if (index.putIfAbsent(task.id(), i) != null) {
                found.add(new Violation("/tasks/" + i + "/id", "unique", "task id " + task.id() + " is used twice"));
            }
            tasks.add(task);
        }
        List<Dependency> dependencies = dependencies(plan.get("dependencies"), index, found);
        for (int i = 0; i < tasks.size(); i++) {
            Condition c = tasks.get(i).condition();
            if (c != null && (!index.containsKey(c.task()) || c.task().equals(tasks.get(i).id()))) {
                found.add(new Violation("/tasks/" + i + "/condition/task", "exists",
                        "the condition names task " + c.task() + ", which is not another task of this plan"));
            }
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the plan cannot be executed", found);
        }
        List<TaskSpec> ordered = runOrder(tasks, dependencies, index);
        if (ordered == null) {
            throw ProtocolProblems.invalid("the plan cannot be executed", "/dependencies", "acyclic",
                    "the dependencies (with the tasks conditions name) form a cycle, so no task order exists");
        }
        return new PlanModel((String) plan.get("id"), List.copyOf(ordered), List.copyOf(dependencies), strategy,
                policy);
    }

    private static Strategy strategy(Map<String, Object> workflow) {
        Object s = workflow.get("execution_strategy");
        return s == null ? Strategy.SEQUENTIAL : Strategy.valueOf(((String) s).toUpperCase(Locale.ROOT));
    }

    private static ErrorPolicy errorPolicy(Map<String, Object> workflow, List<Violation> found) {
        Map<String, Object> handling = object(workflow.get("error_handling"));
        ErrorPolicy d = ErrorPolicy.DEFAULT;
        int retries = (int) whole(handling, "retry_count", "/workflow/error_handling", 0, MAX_RETRIES, d.retryCount(),
                found);
        long backoff = whole(handling, "retry_backoff_ms", "/workflow/error_handling", 0, MAX_BACKOFF_MS,
                d.backoffMillis(), found);
        long cap = whole(handling, "retry_backoff_max_ms", "/workflow/error_handling", 0, MAX_BACKOFF_MS,
                Math.max(d.maxBackoffMillis(), backoff), found);
        FailureMode mode = FailureMode.FAIL;
        Object onFailure = handling.get("on_failure");
        if ("continue".equals(onFailure)) {
            mode = FailureMode.CONTINUE;
        } else if (onFailure != null && !"fail".equals(onFailure)) {
            found.add(new Violation("/workflow/error_handling/on_failure", "enum",
                    "on_failure must be \"fail\" or \"continue\", was " + JsonColumns.text(onFailure)));
        }
        Object rollback = object(workflow.get("rollback_strategy")).get("on_failure");
        if (rollback != null && !"rollback".equals(rollback) && !"none".equals(rollback)) {
            found.add(new Violation("/workflow/rollback_strategy/on_failure", "enum",
                    "rollback_strategy.on_failure must be \"rollback\" or \"none\", was " + JsonColumns.text(rollback)));
        }
        return new ErrorPolicy(retries, backoff, cap, mode, "rollback".equals(rollback));
    }

    private static List<Dependency> dependencies(Object raw, Map<String, Integer> index, List<Violation> found) {
        List<Dependency> out = new ArrayList<>();
        List<?> listed = raw == null ? List.of() : (List<?>) raw;
        for (int i = 0; i < listed.size(); i++) {
            Map<String, Object> d = object(listed.get(i));
            String from = (String) d.get("from_task");
            String to = (String) d.get("to_task");
            for (String[] end : new String[][] { { "from_task", from }, { "to_task", to } }) {
                if (!index.containsKey(end[1])) {
                    found.add(new Violation("/dependencies/" + i + "/" + end[0], "exists",
                            "dependency names task " + end[1] + ", which is not a task of this plan"));
                }
            }
            if (from.equals(to)) {
                found.add(new Violation("/dependencies/" + i, "acyclic", "task " + from + " depends on itself"));
            }
            out.add(new Dependency(from, to, DependencyType.valueOf(((String) d.get("type")).toUpperCase(Locale.ROOT))));
        }
        return out;
    }

    /** Kahn's algorithm, ties broken by plan order; {@code null} when there is a cycle. */
    private static List<TaskSpec> runOrder(List<TaskSpec> tasks, List<Dependency> deps, Map<String, Integer> index) {
        Map<Integer, List<Integer>> next = new HashMap<>();
        int[] incoming = new int[tasks.size()];
        Set<String> edges = new HashSet<>();
        List<String[]> all = new ArrayList<>();
        deps.forEach(d -> all.add(new String[] { d.from(), d.to() }));
        tasks.stream().filter(t -> t.condition() != null)
                .forEach(t -> all.add(new String[] { t.condition().task(), t.id() }));
        for (String[] e : all) {
            if (edges.add(e[0] + ">" + e[1])) {
                next.computeIfAbsent(index.get(e[0]), k -> new ArrayList<>()).add(index.get(e[1]));
                incoming[index.get(e[1])]++;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < incoming.length; i++) {
            if (incoming[i] == 0) {
                ready.add(i);
            }
        }
        List<TaskSpec> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(tasks.get(i));
            for (int j : next.getOrDefault(i, List.of())) {
                if (--incoming[j] == 0) {
                    ready.add(j);
                }
            }
        }
        return out.size() == tasks.size() ? out : null;
    }

    static long whole(Map<String, Object> holder, String field, String at, long min, long max, long fallback,
            List<Violation> found) {
        Object v = holder.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= min
                && n.longValue() <= max) {
            return n.longValue();
        }
        found.add(new Violation(at + "/" + field, "range",
                field + " must be a whole number from " + min + " to " + max + ", was " + JsonColumns.text(v)));
        return fallback;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}
