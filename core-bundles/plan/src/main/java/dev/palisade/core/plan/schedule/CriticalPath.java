package dev.palisade.core.plan.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks back from the last zero-slack task (in dependency order) that finishes at the plan's end through
 * zero-slack tasks that drive it (their dependency fixes its earliest start), taking the first such in plan
 * order. Stateless.
 */
final class CriticalPath {

    private CriticalPath() {
    }

    static List<String> of(TaskGraph graph, List<ScheduledTask> tasks, Duration total) {
        Map<String, ScheduledTask> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        ScheduledTask current = null;
        for (String id : graph.topologicalOrder()) {
            ScheduledTask t = byId.get(id);
            if (t.critical() && t.earliestFinish().equals(total)) {
                current = t;
            }
        }
        List<String> path = new ArrayList<>();
        while (current != null) {
            path.add(current.id());
            current = driver(graph, byId, current);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    private static ScheduledTask driver(TaskGraph graph, Map<String, ScheduledTask> byId, ScheduledTask task) {
        if (task.earliestStart().isZero() && graph.incoming(task.id()).isEmpty()) {
            return null;
        }
        for (TaskGraph.Link in : graph.incoming(task.id())) {
            ScheduledTask from = byId.get(in.from());
            if (from.critical() && in.type().drives(from, task)) {
                return from;
            }
        }
        return null;
    }
}
