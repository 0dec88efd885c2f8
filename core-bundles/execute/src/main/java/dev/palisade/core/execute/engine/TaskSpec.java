package dev.palisade.core.execute.engine;

import java.util.List;
import java.util.Map;

/**
 * One plan task as the engine runs it. Immutable.
 *
 * @param id        the task's id
 * @param name      the task's name
 * @param extension the plugin's id or name, or {@code null} for a no-op step
 * @param method    the plugin method ({@code null} exactly when {@code extension} is)
 * @param input     the method's input object
 * @param condition when the task runs under the conditional strategy, or {@code null}
 * @param approval  the approval the task waits for before it runs, or {@code null}
 * @param rollback  how the task is undone when the execution rolls back, or {@code null}
 * @param source    the task object as the plan holds it (what hooks see and may amend)
 */
public record TaskSpec(String id, String name, String extension, String method, Map<String, Object> input,
        Condition condition, Approval approval, Rollback rollback, Map<String, Object> source) {

    /** @return whether the task calls a plugin */
    public boolean callsPlugin() {
        return extension != null;
    }

    /**
     * A task's approval: {@code requires_approval: true}, or an {@code approval} object.
     *
     * @param approvers MPLP Confirm approvers ({@code {id, type, role?, required?}}), may be empty
     * @param criteria  MPLP Confirm criteria ({@code {rules?, thresholds?, requirements?}})
     */
    public record Approval(List<Map<String, Object>> approvers, Map<String, Object> criteria) {
    }

    /**
     * A task's {@code rollback}: the method of the task's own extension that undoes it.
     *
     * @param method the plugin method
     * @param input  its input object
     */
    public record Rollback(String method, Map<String, Object> input) {
    }
}
