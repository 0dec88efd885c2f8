package dev.palisade.core.execute.engine;

/** What a task failure (after its retries) does to the execution: {@code error_handling.on_failure}. */
public enum FailureMode {
    /** The execution fails: no new task starts, the tasks not started are cancelled (the default). */
    FAIL,
    /** The other tasks go on; the failed task's dependents are skipped; the execution completes. */
    CONTINUE
}
