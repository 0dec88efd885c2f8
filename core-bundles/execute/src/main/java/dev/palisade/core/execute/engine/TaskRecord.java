package dev.palisade.core.execute.engine;

import java.time.Instant;
import java.util.Map;

/**
 * One task's state at one moment, as the journal stores it and clients see it. Immutable.
 *
 * @param taskId         the task's id
 * @param name           the task's name
 * @param position       the task's place in the run order (topological, ties in plan order)
 * @param status         where it stands
 * @param attempts       how many times the plugin was called (0 before the first call)
 * @param startedAt      when the first attempt began, or {@code null}
 * @param finishedAt     when it reached a final status, or {@code null}
 * @param output         the plugin's answer (plain JSON values), or {@code null}
 * @param error          {@code {type, status?, message, retryable}} of the last failure, or {@code null}
 * @param reason         why it was skipped, vetoed, cancelled or rolled back, or {@code null}
 * @param hook           the hook extension that vetoed it, or {@code null}
 * @param confirmationId the confirmation it waits or waited for, or {@code null}
 */
public record TaskRecord(String taskId, String name, int position, TaskStatus status, int attempts,
        Instant startedAt, Instant finishedAt, Object output, Map<String, Object> error, String reason,
        String hook, String confirmationId) {
}
