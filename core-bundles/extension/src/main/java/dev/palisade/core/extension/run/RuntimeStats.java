package dev.palisade.core.extension.run;

/**
 * The accounting of one serving extension version since it was deployed.
 *
 * @param calls           invocations that reached the extension's executor
 * @param failures        invocations that ended in an exception (the extension's or the host's), timeouts included
 * @param violations      sandbox denials, whether the extension caught them or not
 * @param timeouts        invocations that ran past their time limit
 * @param rejected        invocations turned away because the extension's threads and queue were full
 * @param totalMillis     time spent in finished or timed-out invocations, in milliseconds
 * @param stuckThreads    threads still running an invocation that timed out (they keep their pool slot)
 * @param timeoutMillis   this version's invocation time limit
 */
public record RuntimeStats(long calls, long failures, long violations, long timeouts, long rejected,
        long totalMillis, int stuckThreads, long timeoutMillis) {
}
