package dev.palisade.core.execute.engine;

import java.util.List;

/**
 * A plan as the engine runs it: its tasks in run order (topological over every dependency, ties in plan
 * order), the dependencies, the strategy and the error policy. Immutable; built by {@link PlanReader}.
 */
public record PlanModel(String planId, List<TaskSpec> tasks, List<Dependency> dependencies, Strategy strategy,
        ErrorPolicy errorPolicy) {
}
