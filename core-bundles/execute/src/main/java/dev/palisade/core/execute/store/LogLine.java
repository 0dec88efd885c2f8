package dev.palisade.core.execute.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.protocol.Timestamps;

/**
 * One line of an execution log.
 *
 * @param executionId the execution
 * @param seq         the line's number in its execution, from 1
 * @param at          when it was written
 * @param level       {@code info}, {@code warn} or {@code error}
 * @param taskId      the task it is about, or {@code null}
 * @param message     what happened
 */
public record LogLine(String executionId, long seq, Instant at, String level, String taskId, String message) {

    /** @return the line as clients see it: {@code {seq, at, level, task_id, message}} */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", seq);
        out.put("at", Timestamps.text(at));
        out.put("level", level);
        out.put("task_id", taskId);
        out.put("message", message);
        return out;
    }
}
