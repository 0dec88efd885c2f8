package dev.palisade.core.plan.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.plan.check.TaskDurations;

/**
 * The earliest schedule of a plan (critical path method): every task starts as soon as its dependencies
 * allow and lasts its {@code estimated_duration} (none: zero). A {@code finish_to_start} dependency lets the
 * later task start when the earlier finishes, {@code start_to_start} when it starts, and
 * {@code finish_to_finish} lets it finish no earlier than the earlier one finishes. Times are offsets from
 * the plan's start. Slack is how long a task may slip without moving the end of the plan; the critical path
 * is a chain of zero-slack tasks, each driving the next, from a task starting at zero to one finishing at the
 * end. Expects a plan that keeps {@link dev.palisade.core.plan.check.PlanRules} (acyclic, known tasks).
 * Immutable.
 *
 * @param tasks        the schedule of each task, in plan order
 * @param total        when the last task finishes
 * @param criticalPath task ids, in order
 */
public record Timeline(List<ScheduledTask> tasks, Duration total, List<String> criticalPath) {

    /** @throws IllegalArgumentException when the plan has a cycle (it cannot be scheduled) */
    public static Timeline of(JsonNode plan) {
        TaskGraph graph = TaskGraph.of(plan);
        Map<String, Duration> start = new LinkedHashMap<>();
        Map<String, Duration> finish = new LinkedHashMap<>();
        Duration total = Duration.ZERO;
        for (String id : graph.topologicalOrder()) {
            Duration length = graph.duration(id);
            Duration earliest = Duration.ZERO;
            for (TaskGraph.Link in : graph.incoming(id)) {
                earliest = max(earliest, in.type().earliestStart(start.get(in.from()), finish.get(in.from()), length));
            }
            start.put(id, earliest);
            finish.put(id, earliest.plus(length));
            total = max(total, earliest.plus(length));
        }
        Map<String, Duration> latestFinish = new LinkedHashMap<>();
        List<String> reverse = new ArrayList<>(graph.topologicalOrder());
        java.util.Collections.reverse(reverse);
        for (String id : reverse) {
            Duration length = graph.duration(id);
            Duration latest = total;
            for (TaskGraph.Link out : graph.outgoing(id)) {
                Duration successorFinish = latestFinish.get(out.to());
                latest = min(latest, out.type().latestFinish(successorFinish.minus(graph.duration(out.to())),
                        successorFinish, length));
            }
            latestFinish.put(id, latest);
        }
        List<ScheduledTask> scheduled = new ArrayList<>();
        for (String id : graph.ids()) {
            Duration length = graph.duration(id);
            scheduled.add(new ScheduledTask(id, graph.name(id), length, start.get(id), finish.get(id),
                    latestFinish.get(id).minus(length), latestFinish.get(id)));
        }
        return new Timeline(List.copyOf(scheduled), total, CriticalPath.of(graph, scheduled, total));
    }

    /** @return the JSON answer of {@code POST /plans/{id}/optimize} */
    public Map<String, Object> toJson(String planId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plan_id", planId);
        out.put("total_duration", total.toString());
        out.put("critical_path", criticalPath);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScheduledTask t : tasks) {
            rows.add(t.toJson());
        }
        out.put("tasks", rows);
        return out;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Reads a task's duration; the plan rules have checked it. */
    static Duration durationOf(JsonNode task) {
        JsonNode d = task.get("estimated_duration");
        return TaskDurations.parse(d == null || !d.isTextual() ? null : d.asText());
    }
}
