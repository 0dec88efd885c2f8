package dev.palisade.core.execute.engine;

/**
 * The plan's {@code workflow.error_handling} and {@code workflow.rollback_strategy}.
 *
 * @param retryCount     how many times a task is tried again after a retryable failure
 * @param backoffMillis  the wait before the first retry; doubled for each later one
 * @param maxBackoffMillis the longest wait between two attempts
 * @param onFailure      what a failed task does to the execution
 * @param rollback       whether a failed execution rolls back its completed tasks
 */
public record ErrorPolicy(int retryCount, long backoffMillis, long maxBackoffMillis, FailureMode onFailure,
        boolean rollback) {

    /** No retries, fail on the first failure, no rollback. */
    public static final ErrorPolicy DEFAULT = new ErrorPolicy(0, 100, 30_000, FailureMode.FAIL, false);

    /** @return the wait before attempt {@code nextAttempt} (2 for the first retry), capped */
    public long backoffBefore(int nextAttempt) {
        int doublings = Math.min(Math.max(nextAttempt - 2, 0), 30);
        return Math.min(maxBackoffMillis, backoffMillis << doublings);
    }
}
