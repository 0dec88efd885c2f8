package dev.palisade.core.execute.engine;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/** One task's mutable state inside an {@link ExecutionRun}; guarded by the run's lock. */
final class TaskSlot {

    final int position;
    TaskSpec spec;
    TaskStatus status = TaskStatus.PENDING;
    int attempts;
    Instant startedAt;
    Instant finishedAt;
    Object output;
    Map<String, Object> error;
    String reason;
    String hook;
    String confirmationId;
    /** The scheduled next attempt while {@link TaskStatus#RETRYING}. */
    ScheduledFuture<?> retry;
    /** Whether the plugin answered and completion waits for a finish_to_finish predecessor. */
    boolean held;

    TaskSlot(int position, TaskSpec spec) {
        this.position = position;
        this.spec = spec;
    }

    TaskRecord record() {
        return new TaskRecord(spec.id(), spec.name(), position, status, attempts, startedAt, finishedAt, output, error,
                reason, hook, confirmationId);
    }
}
