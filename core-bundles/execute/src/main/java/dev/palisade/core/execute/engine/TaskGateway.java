package dev.palisade.core.execute.engine;

import java.util.function.Consumer;

/**
 * What running a task needs from the host: hooks, approvals, the plugin call and its undo. The engine calls
 * it on its pool threads, never while holding an execution's lock; implementations must be thread-safe.
 */
public interface TaskGateway {

    /**
     * Asks the before-hooks of {@code task.execute}; no hooks means the task goes on unchanged.
     *
     * @throws TaskFailure when a hook amended the task into one that cannot run (the task then fails)
     */
    HookOutcome beforeTask(TaskSpec task) throws TaskFailure;

    /** Tells the after-hooks that the task reached a final status; returns at once. */
    void afterTask(TaskSpec task, TaskRecord outcome);

    /**
     * Calls the task's plugin method (a task without a plugin answers an empty object).
     *
     * @param attempt 1 for the first call
     * @return the plugin's answer as plain JSON values
     * @throws TaskFailure saying whether another attempt may help
     */
    Object invoke(TaskSpec task, int attempt) throws TaskFailure;

    /**
     * Undoes a completed task through its {@link TaskSpec#rollback()} method.
     *
     * @throws TaskFailure when the undo failed
     */
    void rollback(TaskSpec task) throws TaskFailure;

    /**
     * Creates the confirmation the task waits for.
     *
     * @return the confirmation's id
     * @throws TaskFailure when no confirmation can be created (the task then fails)
     */
    String requestApproval(TaskSpec task) throws TaskFailure;

    /**
     * Calls {@code decided} once with {@code approved}, {@code rejected} or {@code expired}; maybe at once,
     * on the caller's thread.
     */
    void awaitDecision(String confirmationId, Consumer<String> decided);

    /**
     * The outcome of the before-hooks.
     *
     * @param vetoed whether a hook vetoed the task
     * @param hook   the vetoing hook, or {@code null}
     * @param reason its reason, or {@code null}
     * @param task   the task as the hooks left it (re-read and checked)
     */
    record HookOutcome(boolean vetoed, String hook, String reason, TaskSpec task) {

        /** @return the outcome of no hook at all */
        public static HookOutcome proceed(TaskSpec task) {
            return new HookOutcome(false, null, null, task);
        }
    }
}
