package dev.palisade.core.execute.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class ExecutionRunTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final MemoryJournal journal = new MemoryJournal();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private ExecutionRun run(Plans plans) {
        return new ExecutionRun("execution x", plans.model(), gateway, journal, pool, timer, Clock.systemUTC());
    }

    private static ExecutionStatus finish(ExecutionRun run) throws Exception {
        return run.ended().get(10, TimeUnit.SECONDS);
    }

    private static Map<String, TaskRecord> byName(ExecutionRun run) {
        Map<String, TaskRecord> out = new LinkedHashMap<>();
        run.tasks().forEach(t -> out.put(t.name(), t));
        return out;
    }

    @Test
    void sequentialRunsOneTaskAtATimeInDependencyOrder() throws Exception {
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b").task("c").task("d")
                .depends("c", "a", "finish_to_start").depends("d", "b", "finish_to_start"));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        assertEquals(List.of("c", "a", "d", "b"), gateway.calls);
        assertEquals(1, gateway.mostRunning.get());
        assertEquals(List.of("running", "completed"), journal.statuses);
        assertEquals(1, journal.ends);
        assertEquals(Map.of("done", "a", "attempt", 1), byName(run).get("a").output());
    }

    @Test
    void parallelStartsEveryReadyTaskAtOnce() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(1);
        gateway.waitFor.put("a", bothStarted);
        gateway.waitFor.put("b", bothStarted);
        ExecutionRun run = run(Plans.of("parallel").task("a").task("b").task("c").depends("a", "c", "finish_to_start")
                .depends("b", "c", "finish_to_start"));
        run.start();
        assertTrue(gateway.startedLatch("a").await(5, TimeUnit.SECONDS));
        assertTrue(gateway.startedLatch("b").await(5, TimeUnit.SECONDS));
        assertEquals(List.of(), gateway.calls.stream().filter("c"::equals).toList(), "c waits for a and b");
        bothStarted.countDown();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        assertEquals(2, gateway.mostRunning.get());
        assertEquals("c", gateway.calls.get(2));
    }

    @Test
    void startToStartLetsTheSecondTaskStartWhileTheFirstRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        gateway.waitFor.put("a", release);
        ExecutionRun run = run(Plans.of("parallel").task("a").task("b").depends("a", "b", "start_to_start"));
        run.start();
        assertTrue(gateway.startedLatch("b").await(5, TimeUnit.SECONDS), "b starts while a still runs");
        release.countDown();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
    }

    @Test
    void finishToFinishHoldsTheSecondTasksCompletionUntilTheFirstEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        gateway.waitFor.put("a", release);
        ExecutionRun run = run(Plans.of("parallel").task("a").task("b").depends("a", "b", "finish_to_finish"));
        run.start();
        assertTrue(gateway.startedLatch("b").await(5, TimeUnit.SECONDS));
        waitUntil(() -> journal.lines.stream().anyMatch(l -> l.contains("completes once")));
        assertEquals(TaskStatus.RUNNING, byName(run).get("b").status(), "b answered but may not finish before a");
        release.countDown();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        Map<String, TaskRecord> tasks = byName(run);
        assertTrue(!tasks.get("b").finishedAt().isBefore(tasks.get("a").finishedAt()));
    }

    @Test
    void aFailedTaskFailsTheExecutionAndCancelsWhatHasNotStarted() throws Exception {
        gateway.permanentFailures.put("b", "bad input");
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b").task("c").handling("retry_count", 3));
        run.start();
        assertEquals(ExecutionStatus.FAILED, finish(run));
        Map<String, TaskRecord> tasks = byName(run);
        assertEquals(TaskStatus.FAILED, tasks.get("b").status());
        assertEquals(1, tasks.get("b").attempts(), "invalid input is not retried");
        assertEquals("bad input", tasks.get("b").error().get("message"));
        assertEquals(TaskStatus.CANCELLED, tasks.get("c").status());
        assertEquals("not started: the execution failed at task " + Plans.id("b"), tasks.get("c").reason());
        assertEquals("failed (task " + Plans.id("b") + " failed: bad input)", journal.statuses.get(1));
    }

    @Test
    void onFailureContinueSkipsOnlyTheDependentsAndCompletes() throws Exception {
        gateway.permanentFailures.put("a", "broken");
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b").task("c").depends("a", "b", "finish_to_start")
                .handling("on_failure", "continue"));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        Map<String, TaskRecord> tasks = byName(run);
        assertEquals(TaskStatus.SKIPPED, tasks.get("b").status());
        assertEquals("dependency finish_to_start on task " + Plans.id("a") + ", which ended failed",
                tasks.get("b").reason());
        assertEquals(TaskStatus.COMPLETED, tasks.get("c").status());
    }

    @Test
    void retryableFailuresAreRetriedWithGrowingBackoff() throws Exception {
        gateway.retryableFailures.put("a", 2);
        ExecutionRun run = run(Plans.of("sequential").task("a").handling("retry_count", 2)
                .handling("retry_backoff_ms", 50));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        assertEquals(3, byName(run).get("a").attempts());
        List<Long> t = gateway.callTimes;
        assertTrue(t.get(1) - t.get(0) >= TimeUnit.MILLISECONDS.toNanos(50), "first retry after 50 ms");
        assertTrue(t.get(2) - t.get(1) >= TimeUnit.MILLISECONDS.toNanos(100), "second retry after 100 ms");
        assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.RUNNING, TaskStatus.RETRYING, TaskStatus.RUNNING,
                TaskStatus.RETRYING, TaskStatus.RUNNING, TaskStatus.COMPLETED), journal.history("a"));
    }

    @Test
    void aTaskFailsOnceItsRetriesAreSpent() throws Exception {
        gateway.retryableFailures.put("a", 5);
        ExecutionRun run = run(Plans.of("sequential").task("a").handling("retry_count", 1)
                .handling("retry_backoff_ms", 1));
        run.start();
        assertEquals(ExecutionStatus.FAILED, finish(run));
        TaskRecord a = byName(run).get("a");
        assertEquals(2, a.attempts());
        assertEquals("a busy at attempt 2", a.error().get("message"));
    }

    @Test
    void backoffDoublesAndIsCapped() {
        ErrorPolicy policy = new ErrorPolicy(5, 100, 350, FailureMode.FAIL, false);
        assertEquals(List.of(100L, 200L, 350L, 350L), List.of(policy.backoffBefore(2), policy.backoffBefore(3),
                policy.backoffBefore(4), policy.backoffBefore(5)));
    }

    @Test
    void aFailedExecutionRollsBackCompletedTasksInReverseCompletionOrder() throws Exception {
        Map<String, Object> undo = Map.of("rollback", Map.of("method", "undo"));
        gateway.permanentFailures.put("c", "broken");
        ExecutionRun run = run(Plans.of("sequential").task("a", undo).task("b", undo).task("n").task("c")
                .workflow("rollback_strategy", Map.of("checkpoint_enabled", true, "on_failure", "rollback")));
        run.start();
        assertEquals(ExecutionStatus.FAILED, finish(run));
        assertEquals(List.of("b", "a"), gateway.rollbacks);
        Map<String, TaskRecord> tasks = byName(run);
        assertEquals(TaskStatus.ROLLED_BACK, tasks.get("a").status());
        assertEquals(TaskStatus.COMPLETED, tasks.get("n").status(), "a task without rollback stays completed");
    }

    @Test
    void pauseStopsStartingTasksUntilResumed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        gateway.waitFor.put("a", release);
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b"));
        run.start();
        assertTrue(gateway.startedLatch("a").await(5, TimeUnit.SECONDS));
        run.pause();
        release.countDown();
        waitUntil(() -> byName(run).get("a").status() == TaskStatus.COMPLETED);
        Thread.sleep(100);
        assertEquals(TaskStatus.PENDING, byName(run).get("b").status());
        assertEquals(ExecutionStatus.PAUSED, run.status());
        HostProblem again = assertThrows(HostProblem.class, run::pause);
        assertEquals("execution x cannot change status from paused to paused; allowed from paused: running, "
                + "cancelled", again.getMessage());
        run.resume();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        assertEquals(List.of("a", "b"), gateway.calls);
    }

    @Test
    void cancelInterruptsARetryWaitAndCancelsTheRest() throws Exception {
        gateway.retryableFailures.put("a", 5);
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b").handling("retry_count", 5)
                .handling("retry_backoff_ms", 60_000));
        run.start();
        waitUntil(() -> byName(run).get("a").status() == TaskStatus.RETRYING);
        run.cancel();
        assertEquals(ExecutionStatus.CANCELLED, finish(run));
        assertEquals(List.of(TaskStatus.CANCELLED, TaskStatus.CANCELLED),
                run.tasks().stream().map(TaskRecord::status).toList());
        assertEquals(1, gateway.calls.size());
        HostProblem after = assertThrows(HostProblem.class, run::resume);
        assertEquals("execution x cannot change status from cancelled to running; allowed from cancelled: none: "
                + "cancelled is final", after.getMessage());
    }

    @Test
    void aVetoedTaskDoesNotRunItsDependentsAreSkippedAndTheExecutionCompletes() throws Exception {
        gateway.vetoes.put("a", "not on Fridays");
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b").task("c").depends("a", "b", "finish_to_start"));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        Map<String, TaskRecord> tasks = byName(run);
        assertEquals(TaskStatus.VETOED, tasks.get("a").status());
        assertEquals("guard-hook", tasks.get("a").hook());
        assertEquals("vetoed by hook guard-hook: not on Fridays", tasks.get("a").reason());
        assertEquals(TaskStatus.SKIPPED, tasks.get("b").status());
        assertEquals(List.of("c"), gateway.calls);
    }

    @Test
    void conditionalSkipsATaskWhoseConditionIsFalse() throws Exception {
        gateway.permanentFailures.put("a", "broken");
        ExecutionRun run = run(Plans.of("conditional").handling("on_failure", "continue").task("a")
                .task("if-ok", Map.of("condition", Map.of("task", Plans.id("a"), "status", "completed")))
                .task("if-failed", Map.of("condition", Map.of("task", Plans.id("a"), "status", "failed")))
                .task("b").task("if-b-said-b", Map.of("condition", Map.of("task", Plans.id("b"), "output", "/done",
                        "equals", "b"))));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        Map<String, TaskRecord> tasks = byName(run);
        assertEquals(TaskStatus.SKIPPED, tasks.get("if-ok").status());
        assertEquals("condition not met: task " + Plans.id("a") + " ended completed", tasks.get("if-ok").reason());
        assertEquals(TaskStatus.COMPLETED, tasks.get("if-failed").status());
        assertEquals(TaskStatus.COMPLETED, tasks.get("if-b-said-b").status());
    }

    @Test
    void anApprovedTaskRunsAndARejectedOneFailsWithoutRetry() throws Exception {
        gateway.decisions.put("ok", "approved");
        gateway.decisions.put("no", "rejected");
        ExecutionRun run = run(Plans.of("sequential").handling("retry_count", 3).handling("on_failure", "continue")
                .task("ok", Map.of("requires_approval", true)).task("no", Map.of("requires_approval", true)));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
        Map<String, TaskRecord> tasks = byName(run);
        assertEquals(TaskStatus.COMPLETED, tasks.get("ok").status());
        assertEquals("confirmation-of-ok", tasks.get("ok").confirmationId());
        assertEquals(TaskStatus.FAILED, tasks.get("no").status());
        assertEquals("approval-rejected", tasks.get("no").error().get("type"));
        assertEquals(0, tasks.get("no").attempts());
        assertEquals(List.of("ok"), gateway.calls);
    }

    @Test
    void aRejectedApprovalFailsTheExecutionUnderTheDefaultPolicy() throws Exception {
        gateway.decisions.put("a", "expired");
        ExecutionRun run = run(Plans.of("sequential").task("a", Map.of("approval", Map.of("approvers", List.of(),
                "criteria", Map.of("rules", List.of("two eyes"))))).task("b"));
        run.start();
        assertEquals(ExecutionStatus.FAILED, finish(run));
        assertEquals("failed (task " + Plans.id("a") + " failed: confirmation confirmation-of-a was expired)",
                journal.statuses.get(1));
        assertEquals(TaskStatus.CANCELLED, byName(run).get("b").status());
    }

    @Test
    void cancelEndsAWaitForApproval() throws Exception {
        ExecutionRun run = run(Plans.of("sequential").task("a", Map.of("requires_approval", true)));
        run.start();
        waitUntil(() -> gateway.undecided.containsKey("confirmation-of-a"));
        assertEquals(TaskStatus.WAITING_APPROVAL, byName(run).get("a").status());
        run.cancel();
        assertEquals(ExecutionStatus.CANCELLED, finish(run));
        gateway.undecided.get("confirmation-of-a").accept("approved");
        assertEquals(List.of(), gateway.calls, "a decision after the cancel runs nothing");
        assertNull(byName(run).get("a").startedAt());
    }

    @Test
    void cancelWhileBeforeHooksRunEndsTheTaskWithoutCallingItsPlugin() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        gateway.holdHooks.put("a", release);
        ExecutionRun run = run(Plans.of("sequential").task("a").task("b"));
        run.start();
        assertTrue(gateway.enteredLatch("hook:a").await(5, TimeUnit.SECONDS));
        run.cancel();
        assertEquals(TaskStatus.RUNNING, byName(run).get("a").status(), "hooks under way are not interrupted");
        release.countDown();
        assertEquals(ExecutionStatus.CANCELLED, finish(run));
        assertEquals(List.of(), gateway.calls);
        TaskRecord a = byName(run).get("a");
        assertEquals(TaskStatus.CANCELLED, a.status());
        assertEquals("the execution was cancelled", a.reason());
        assertNull(a.startedAt());
    }

    @Test
    void cancelWhileAnApprovalIsRequestedEndsTheTaskInsteadOfWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        gateway.holdApprovalRequests.put("a", release);
        ExecutionRun run = run(Plans.of("sequential").task("a", Map.of("requires_approval", true)));
        run.start();
        assertTrue(gateway.enteredLatch("approval:a").await(5, TimeUnit.SECONDS));
        run.cancel();
        release.countDown();
        assertEquals(ExecutionStatus.CANCELLED, finish(run));
        assertEquals(Map.of(), gateway.undecided, "nobody waits for a decision");
        assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.CANCELLED), journal.history("a"));
    }

    @Test
    void anEmptyPlanCompletesAtOnce() throws Exception {
        ExecutionRun run = run(Plans.of("parallel"));
        run.start();
        assertEquals(ExecutionStatus.COMPLETED, finish(run));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 5 s");
            }
            Thread.sleep(5);
        }
    }
}
