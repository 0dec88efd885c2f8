package dev.palisade.core.execute.engine;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.JsonColumns;

/**
 * A task's {@code condition} under the conditional strategy: {@code {"task": id, "status": "completed"}}
 * holds when that task ended in that status; {@code {"task": id, "output": "/words", "equals": 3}} holds
 * when the JSON Pointer into that task's output names a value equal to {@code equals}. The named task is
 * waited for (it must end first) whatever the dependencies say. Immutable.
 *
 * @param task    the task whose outcome decides
 * @param status  the status it must have ended in, or {@code null}
 * @param output  a JSON Pointer into its output, or {@code null}
 * @param equals  the value the pointer must name (a JSON tree), or {@code null} with a status condition
 */
public record Condition(String task, TaskStatus status, String output, JsonNode equals) {

    /** @return whether the condition holds for the named task's final record */
    public boolean holds(TaskRecord decider) {
        if (status != null) {
            return decider.status() == status;
        }
        if (decider.status() != TaskStatus.COMPLETED || decider.output() == null) {
            return false;
        }
        JsonNode value = JsonColumns.tree(decider.output()).at(JsonPointer.compile(output));
        return !value.isMissingNode() && Objects.equals(value, equals);
    }

    /** @return the condition in words, for the execution log */
    public String describe() {
        return status != null ? "task " + task + " ended " + status.protocolName()
                : "output " + output + " of task " + task + " equals " + equals;
    }
}
