package dev.palisade.core.execute.engine;

/**
 * Where an execution's progress goes (the store, the live log, metrics). Called by the engine with the
 * execution's lock held, so calls for one execution arrive in order; a log line about a task change comes
 * just before the {@link #taskChanged} it describes. Implementations must not call back into the engine,
 * and should not throw (a failure to record is theirs to report).
 */
public interface ExecutionJournal {

    /** The execution's status changed ({@code reason} may be {@code null}). */
    void statusChanged(ExecutionStatus status, String reason);

    /** A task's state changed. */
    void taskChanged(TaskRecord task);

    /**
     * One line of the execution log.
     *
     * @param level  {@code info}, {@code warn} or {@code error}
     * @param taskId the task the line is about, or {@code null}
     */
    void log(String level, String taskId, String message);

    /** The execution is over: no task runs any more, the final status was reported. Called once. */
    void ended(ExecutionStatus status);
}
