package dev.palisade.core.plan.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.Violation;

/**
 * Palisade's rules for a plan beyond its MPLP schema, checked on every write (a plan breaking one is
 * refused, nothing stored) and by {@code validate}: task ids are unique; a dependency names known tasks,
 * appears once, and the dependencies form no cycle (of any type; the cycle is named by task names, e.g.
 * {@code a -> b -> c -> a}); the plan's name is at most {@value #MAX_NAME} characters; a task's
 * {@code estimated_duration} is a duration {@link TaskDurations} reads; the execute engine's task fields
 * are well formed: {@code extension} and {@code method} are strings and {@code method} is required with
 * {@code extension}, {@code input} and {@code approval} are objects, {@code requires_approval} a boolean,
 * {@code condition} a string or an object, {@code rollback} an object naming a {@code method}. Expects a
 * value that already matches the plan schema. Stateless.
 */
public final class PlanRules {

    /** The longest plan name. */
    public static final int MAX_NAME = 500;

    private PlanRules() {
    }

    /** @return every rule the plan breaks, in plan order; empty when it keeps them all */
    public static List<Violation> violations(JsonNode plan) {
        List<Violation> out = new ArrayList<>();
        if (plan.path("name").asText("").length() > MAX_NAME) {
            out.add(new Violation("/name", "maxLength", "the name is longer than " + MAX_NAME + " characters"));
        }
        Map<String, String> names = tasks(plan.path("tasks"), out);
        dependencies(plan.path("dependencies"), names, out);
        return out;
    }

    private static Map<String, String> tasks(JsonNode tasks, List<Violation> out) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            String id = task.path("id").asText();
            String at = "/tasks/" + i;
            Integer earlier = firstIndex.putIfAbsent(id, i);
            if (earlier != null) {
                out.add(new Violation(at + "/id", "unique", "task id '" + id + "' is also the id of task "
                        + earlier + " ('" + names.get(id) + "'); give each task its own id"));
            } else {
                names.put(id, task.path("name").asText());
            }
            TaskFields.check(task, at, out);
        }
        return names;
    }

    private static void dependencies(JsonNode deps, Map<String, String> names, List<Violation> out) {
        List<CycleSearch.Edge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < deps.size(); i++) {
            JsonNode dep = deps.get(i);
            String from = dep.path("from_task").asText();
            String to = dep.path("to_task").asText();
            String at = "/dependencies/" + i;
            boolean known = true;
            for (String end : List.of("from_task", "to_task")) {
                String id = dep.path(end).asText();
                if (!names.containsKey(id)) {
                    known = false;
                    out.add(new Violation(at + "/" + end, "known-task", "no task of the plan has id '" + id
                            + "'; add the task first or name one of the plan's tasks"));
                }
            }
            if (!seen.add(from + " " + to + " " + dep.path("type").asText())) {
                out.add(new Violation(at, "unique", "the " + dep.path("type").asText() + " dependency from '"
                        + names.getOrDefault(from, from) + "' to '" + names.getOrDefault(to, to)
                        + "' is listed twice; remove one"));
            } else if (known) {
                edges.add(new CycleSearch.Edge(i, from, to));
            }
        }
        Optional<CycleSearch.Cycle> cycle = CycleSearch.find(List.copyOf(names.keySet()), edges);
        cycle.ifPresent(c -> out.add(new Violation("/dependencies/" + c.closing().index(), "acyclic",
                "the dependencies form a cycle: " + describe(c.tasks(), names)
                        + "; remove one of its dependencies")));
    }

    private static String describe(List<String> cycle, Map<String, String> names) {
        List<String> named = new ArrayList<>();
        for (String id : cycle) {
            String name = names.get(id);
            named.add(name == null || name.isBlank() ? id : name);
        }
        return String.join(" -> ", named);
    }
}
