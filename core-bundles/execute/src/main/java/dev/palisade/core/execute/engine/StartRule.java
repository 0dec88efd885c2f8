package dev.palisade.core.execute.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a pending task may start, must wait, or can never run, from its dependencies and its condition; and
 * which finish_to_finish predecessors still hold a task's completion. Reads the run's task slots; called with
 * the run's lock held.
 */
final class StartRule {

    private final Map<String, TaskSlot> slots;
    private final Map<String, List<Dependency>> incoming = new HashMap<>();

    StartRule(Map<String, TaskSlot> slots, List<Dependency> dependencies) {
        this.slots = slots;
        for (Dependency d : dependencies) {
            incoming.computeIfAbsent(d.to(), k -> new ArrayList<>()).add(d);
        }
    }

    /** @return why the task can never run (a predecessor ended the wrong way, a false condition), or {@code null} */
    String skipReason(TaskSlot s) {
        for (Dependency d : incoming(s)) {
            TaskSlot p = slots.get(d.from());
            boolean blocked = switch (d.type()) {
                case FINISH_TO_START -> p.status.terminal() && p.status != TaskStatus.COMPLETED;
                case START_TO_START -> p.status.terminal() && p.startedAt == null;
                case FINISH_TO_FINISH -> false;
            };
            if (blocked) {
                return "dependency " + d.type().protocolName() + " on task " + d.from() + ", which ended "
                        + p.status.protocolName();
            }
        }
        Condition c = s.spec.condition();
        if (c != null && slots.get(c.task()).status.terminal() && !c.holds(slots.get(c.task()).record())) {
            return "condition not met: " + c.describe();
        }
        return null;
    }

    /** @return whether every dependency and the condition allow the task to start now */
    boolean ready(TaskSlot s) {
        for (Dependency d : incoming(s)) {
            TaskSlot p = slots.get(d.from());
            boolean met = switch (d.type()) {
                case FINISH_TO_START -> p.status == TaskStatus.COMPLETED;
                case START_TO_START -> p.startedAt != null;
                case FINISH_TO_FINISH -> true;
            };
            if (!met) {
                return false;
            }
        }
        Condition c = s.spec.condition();
        return c == null || slots.get(c.task()).status.terminal();
    }

    private List<Dependency> incoming(TaskSlot s) {
        return incoming.getOrDefault(s.spec.id(), List.of());
    }

    /** @return the finish_to_finish predecessors that have not ended yet */
    List<String> unfinishedFinishPredecessors(TaskSlot s) {
        List<String> out = new ArrayList<>();
        for (Dependency d : incoming(s)) {
            if (d.type() == DependencyType.FINISH_TO_FINISH && !slots.get(d.from()).status.terminal()) {
                out.add(d.from());
            }
        }
        return out;
    }
}
