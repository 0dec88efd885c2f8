package dev.palisade.core.execute.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan as the engine runs it: its tasks in run order (topological over every dependency, ties in plan
 * order), the dependencies, the strategy and the error policy. Immutable; built by {@link PlanReader}.
 */
public record PlanModel(String planId, List<TaskSpec> tasks, List<Dependency> dependencies, Strategy strategy,
        ErrorPolicy errorPolicy) {

    /** @return the dependencies whose {@code to} is {@code taskId} */
    public List<Dependency> into(String taskId) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (d.to().equals(taskId)) {
                out.add(d);
            }
        }
        return out;
    }

    /** @return the tasks by id, in run order */
    public Map<String, TaskSpec> byId() {
        Map<String, TaskSpec> out = new java.util.LinkedHashMap<>();
        tasks.forEach(t -> out.put(t.id(), t));
        return out;
    }
}
