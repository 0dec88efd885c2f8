package dev.palisade.core.plan;

import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.ProtocolProblems;

/**
 * The changes of a plan's tasks and dependencies, each applied by {@link PlanService#change} to a copy of
 * the stored plan (so the checks of a whole plan decide whether the result may be stored). Stateless.
 */
public final class PlanChanges {

    private PlanChanges() {
    }

    /** Appends {@code task}; the host fills its {@code id} with a new UUID when none is given. */
    public static UnaryOperator<ObjectNode> addTask(ObjectNode task) {
        return plan -> {
            if (!task.hasNonNull("id")) {
                task.put("id", UUID.randomUUID().toString());
            }
            tasks(plan).add(task);
            return plan;
        };
    }

    /**
     * Replaces the task {@code taskId} by {@code task} (its id, when given, must be {@code taskId}).
     *
     * @throws HostProblem 404 {@code not-found} when the plan has no such task
     */
    public static UnaryOperator<ObjectNode> replaceTask(String taskId, ObjectNode task) {
        if (task.hasNonNull("id") && !task.get("id").asText().equals(taskId)) {
            throw ProtocolProblems.invalid("the task does not match its address", "/id", "path-id",
                    "the body's id '" + task.get("id").asText() + "' is not the task id in the path ('" + taskId
                            + "'); leave it out or send the same id");
        }
        task.put("id", taskId);
        return plan -> {
            ArrayNode tasks = tasks(plan);
            tasks.set(indexOf(tasks, taskId), task);
            return plan;
        };
    }

    /**
     * Removes the task {@code taskId} and every dependency naming it.
     *
     * @throws HostProblem 404 {@code not-found} when the plan has no such task
     */
    public static UnaryOperator<ObjectNode> removeTask(String taskId) {
        return plan -> {
            ArrayNode tasks = tasks(plan);
            tasks.remove(indexOf(tasks, taskId));
            removeDependencies(plan, dep -> dep.path("from_task").asText().equals(taskId)
                    || dep.path("to_task").asText().equals(taskId));
            return plan;
        };
    }

    /** Appends {@code dependency} ({@code from_task}, {@code to_task}, {@code type}). */
    public static UnaryOperator<ObjectNode> addDependency(ObjectNode dependency) {
        return plan -> {
            JsonNode deps = plan.get("dependencies");
            (deps instanceof ArrayNode array ? array : plan.putArray("dependencies")).add(dependency);
            return plan;
        };
    }

    /**
     * Removes the dependencies from {@code fromTask} to {@code toTask}, of {@code type} only unless it is
     * {@code null}.
     *
     * @throws HostProblem 404 {@code not-found} when the plan has no such dependency
     */
    public static UnaryOperator<ObjectNode> removeDependency(String fromTask, String toTask, String type) {
        return plan -> {
            int removed = removeDependencies(plan, dep -> dep.path("from_task").asText().equals(fromTask)
                    && dep.path("to_task").asText().equals(toTask)
                    && (type == null || dep.path("type").asText().equals(type)));
            if (removed == 0) {
                String what = fromTask + " -> " + toTask + (type == null ? "" : " (" + type + ")");
                throw ProtocolProblems.notFound("dependency", what);
            }
            return plan;
        };
    }

    private static ArrayNode tasks(ObjectNode plan) {
        return plan.get("tasks") instanceof ArrayNode tasks ? tasks : plan.putArray("tasks");
    }

    private static int indexOf(ArrayNode tasks, String taskId) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).path("id").asText().equals(taskId)) {
                return i;
            }
        }
        throw ProtocolProblems.notFound("task", taskId);
    }

    private static int removeDependencies(ObjectNode plan, java.util.function.Predicate<JsonNode> which) {
        int removed = 0;
        if (plan.get("dependencies") instanceof ArrayNode deps) {
            for (int i = deps.size() - 1; i >= 0; i--) {
                if (which.test(deps.get(i))) {
                    deps.remove(i);
                    removed++;
                }
            }
        }
        return removed;
    }
}
