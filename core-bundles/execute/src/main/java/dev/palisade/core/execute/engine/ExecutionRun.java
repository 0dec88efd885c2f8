package dev.palisade.core.execute.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.palisade.protocol.Timestamps;

/**
 * One execution of a plan: decides which task may start (dependencies, strategy, conditions), runs each
 * through its hooks, approval, plugin call and retries on the pool, holds finish_to_finish completions,
 * fails or goes on after a failure, rolls back, and obeys pause, resume and cancel. Every change is reported
 * to the {@link ExecutionJournal} in order.
 *
 * <p>Thread-safe: state changes happen under this object's lock; the gateway's calls (hooks, plugins,
 * approvals) happen on the pool without it. Pause stops starting tasks (begun ones go on, retries
 * included); cancel also cancels every task that has not called its plugin yet (waiting for an approval or
 * a retry, or still in its before-hooks or approval request, which then end it instead of going on), while
 * a plugin call under way finishes and its result is recorded; the execution ends once no task is active.
 */
public final class ExecutionRun {

    private final String what;
    private final PlanModel plan;
    private final TaskGateway gateway;
    private final ExecutionJournal journal;
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Map<String, TaskSlot> slots = new LinkedHashMap<>();
    private final StartRule starts;
    private final List<TaskSlot> completionOrder = new ArrayList<>();
    private final CompletableFuture<ExecutionStatus> end = new CompletableFuture<>();
    private ExecutionStatus status = ExecutionStatus.PENDING;
    /** How many tasks have begun and not yet reached a final status. */
    private int active;
    private String failure;
    private boolean ending;

    /**
     * @param what    the execution in words, for messages ({@code "execution 1234"})
     * @param pool    runs task steps; its size bounds the parallel strategy
     * @param timer   schedules retries
     */
    public ExecutionRun(String what, PlanModel plan, TaskGateway gateway, ExecutionJournal journal, Executor pool,
            ScheduledExecutorService timer, Clock clock) {
        this.what = what;
        this.plan = plan;
        this.gateway = gateway;
        this.journal = journal;
        this.pool = pool;
        this.timer = timer;
        this.clock = clock;
        for (TaskSpec t : plan.tasks()) {
            slots.put(t.id(), new TaskSlot(slots.size(), t));
        }
        starts = new StartRule(slots, plan.dependencies());
    }

    /** @return the tasks' current records, in run order */
    public synchronized List<TaskRecord> tasks() {
        List<TaskRecord> out = new ArrayList<>();
        slots.values().forEach(s -> out.add(s.record()));
        return out;
    }

    /** @return the execution's current status */
    public synchronized ExecutionStatus status() {
        return status;
    }

    /** @return completes with the final status once no task is active any more */
    public CompletableFuture<ExecutionStatus> ended() {
        return end;
    }

    /** Starts running: pending to running. */
    public synchronized void start() {
        move(ExecutionStatus.RUNNING, null);
        journal.log("info", null, "execution started: " + plan.tasks().size() + " tasks, strategy "
                + plan.strategy().protocolName());
        dispatch();
    }

    /**
     * Stops starting tasks; begun ones go on.
     *
     * @throws dev.palisade.host.bridge.HostProblem 409 {@code invalid-transition} unless running
     */
    public synchronized void pause() {
        move(ExecutionStatus.PAUSED, "paused by request");
        journal.log("info", null, "execution paused: no task starts until it is resumed");
    }

    /** @throws dev.palisade.host.bridge.HostProblem 409 {@code invalid-transition} unless paused */
    public synchronized void resume() {
        move(ExecutionStatus.RUNNING, null);
        journal.log("info", null, "execution resumed");
        dispatch();
    }

    /**
     * Cancels every task that has not called its plugin (one still in its hooks or approval request ends
     * cancelled when they return); a plugin call under way finishes.
     *
     * @throws dev.palisade.host.bridge.HostProblem 409 {@code invalid-transition} once the execution ended
     */
    public synchronized void cancel() {
        move(ExecutionStatus.CANCELLED, "cancelled by request");
        journal.log("info", null, "execution cancelled: tasks not under way are cancelled");
        for (TaskSlot s : slots.values()) {
            if (s.status == TaskStatus.PENDING || s.status == TaskStatus.RETRYING
                    || s.status == TaskStatus.WAITING_APPROVAL || s.held) {
                if (s.retry != null) {
                    s.retry.cancel(false);
                }
                finish(s, TaskStatus.CANCELLED, "the execution was cancelled");
            }
        }
        maybeEnd();
    }

    private void move(ExecutionStatus to, String reason) {
        ExecutionStatus.MOVES.require(what, status.protocolName(), to.protocolName());
        status = to;
        journal.statusChanged(to, reason);
    }

    /** Skips what can no longer run and starts what may; lock held. */
    private void dispatch() {
        boolean skipped = true;
        while (skipped) {
            skipped = false;
            for (TaskSlot s : slots.values()) {
                if (s.status != TaskStatus.PENDING) {
                    continue;
                }
                String skip = starts.skipReason(s);
                if (skip != null) {
                    finish(s, TaskStatus.SKIPPED, skip);
                    skipped = true;
                } else if (status == ExecutionStatus.RUNNING && failure == null
                        && !(plan.strategy().oneAtATime() && anyActive()) && starts.ready(s)) {
                    begin(s);
                }
            }
        }
        maybeEnd();
    }

    private boolean anyActive() {
        return active > 0;
    }

    private void begin(TaskSlot s) {
        active++;
        s.status = TaskStatus.RUNNING;
        journal.taskChanged(s.record());
        pool.execute(() -> prepare(s));
    }

    /** Hooks, then approval or the first attempt; on the pool. */
    private void prepare(TaskSlot s) {
        TaskSpec spec;
        synchronized (this) {
            spec = s.spec;
        }
        try {
            TaskGateway.HookOutcome hooks = gateway.beforeTask(spec);
            if (hooks.vetoed()) {
                synchronized (this) {
                    s.hook = hooks.hook();
                    finish(s, TaskStatus.VETOED, "vetoed by hook " + hooks.hook() + ": " + hooks.reason());
                    dispatch();
                }
                return;
            }
            spec = hooks.task();
            synchronized (this) {
                s.spec = spec;
                if (endedBeforeCall(s)) {
                    return;
                }
            }
            if (spec.approval() == null) {
                attempt(s, 1);
                return;
            }
            String confirmation = gateway.requestApproval(spec);
            synchronized (this) {
                if (endedBeforeCall(s)) {
                    return;
                }
                s.status = TaskStatus.WAITING_APPROVAL;
                s.confirmationId = confirmation;
                journal.log("info", spec.id(), "task " + spec.id() + " waits for confirmation " + confirmation);
                journal.taskChanged(s.record());
            }
            gateway.awaitDecision(confirmation, decision -> decided(s, decision));
        } catch (TaskFailure f) {
            failed(s, 0, f);
        } catch (RuntimeException e) {
            failed(s, 0, unexpected(e));
        }
    }

    private void decided(TaskSlot s, String decision) {
        synchronized (this) {
            if (s.status != TaskStatus.WAITING_APPROVAL) {
                return;
            }
            journal.log("info", s.spec.id(), "confirmation " + s.confirmationId + " of task " + s.spec.id() + " "
                    + decision);
            if (!"approved".equals(decision)) {
                failed(s, 0, new TaskFailure("approval-" + decision, 0, "confirmation " + s.confirmationId + " was "
                        + decision, false));
                return;
            }
            s.status = TaskStatus.RUNNING;
            journal.taskChanged(s.record());
        }
        pool.execute(() -> attempt(s, 1));
    }

    /** One plugin call; on the pool. */
    private void attempt(TaskSlot s, int n) {
        TaskSpec spec;
        synchronized (this) {
            if (endedBeforeCall(s)) {
                return;
            }
            s.status = TaskStatus.RUNNING;
            s.attempts = n;
            s.retry = null;
            boolean first = s.startedAt == null;
            if (first) {
                s.startedAt = Timestamps.now(clock);
            }
            spec = s.spec;
            journal.log("info", spec.id(), "task " + spec.id() + " (" + spec.name() + ") attempt " + n
                    + (spec.callsPlugin() ? ": " + spec.extension() + "." + spec.method() : ": no-op step"));
            journal.taskChanged(s.record());
            if (first) {
                dispatch();
            }
        }
        try {
            Object output = gateway.invoke(spec, n);
            succeeded(s, output);
        } catch (TaskFailure f) {
            failed(s, n, f);
        } catch (RuntimeException e) {
            failed(s, n, unexpected(e));
        }
    }

    /**
     * Whether a task that has not called its plugin yet must stop: it already ended, or the execution was
     * cancelled while its hooks or approval request ran (it then ends cancelled); lock held.
     */
    private boolean endedBeforeCall(TaskSlot s) {
        if (s.status.terminal()) {
            return true;
        }
        if (status != ExecutionStatus.CANCELLED) {
            return false;
        }
        finish(s, TaskStatus.CANCELLED, "the execution was cancelled");
        maybeEnd();
        return true;
    }

    private synchronized void succeeded(TaskSlot s, Object output) {
        if (s.status.terminal()) {
            return;
        }
        s.output = output;
        List<String> waitFor = starts.unfinishedFinishPredecessors(s);
        if (waitFor.isEmpty()) {
            finish(s, TaskStatus.COMPLETED, null);
            dispatch();
        } else {
            s.held = true;
            journal.log("info", s.spec.id(), "task " + s.spec.id() + " answered; it completes once " + waitFor
                    + " ended (finish_to_finish)");
            journal.taskChanged(s.record());
        }
    }

    private synchronized void failed(TaskSlot s, int n, TaskFailure f) {
        if (s.status.terminal()) {
            return;
        }
        s.error = f.describe();
        ErrorPolicy policy = plan.errorPolicy();
        if (f.retryable() && n >= 1 && n <= policy.retryCount() && status != ExecutionStatus.CANCELLED) {
            long delay = policy.backoffBefore(n + 1);
            s.status = TaskStatus.RETRYING;
            journal.log("warn", s.spec.id(), "task " + s.spec.id() + " attempt " + n + " failed (" + f.code() + ": "
                    + f.getMessage() + "); attempt " + (n + 1) + " of " + (policy.retryCount() + 1) + " in " + delay
                    + " ms");
            journal.taskChanged(s.record());
            s.retry = timer.schedule(() -> pool.execute(() -> attempt(s, n + 1)), delay, TimeUnit.MILLISECONDS);
            return;
        }
        finish(s, TaskStatus.FAILED, null);
        if (policy.onFailure() == FailureMode.FAIL && failure == null) {
            failure = "task " + s.spec.id() + " failed: " + f.getMessage();
            for (TaskSlot other : slots.values()) {
                if (other.status == TaskStatus.PENDING) {
                    finish(other, TaskStatus.CANCELLED, "not started: the execution failed at task " + s.spec.id());
                }
            }
        }
        dispatch();
    }

    /** Moves a task to a final status; lock held. */
    private void finish(TaskSlot s, TaskStatus to, String reason) {
        boolean begun = s.status != TaskStatus.PENDING;
        if (begun) {
            active--;
        }
        s.status = to;
        s.held = false;
        s.reason = reason;
        s.finishedAt = Timestamps.now(clock);
        if (to == TaskStatus.COMPLETED) {
            completionOrder.add(s);
        }
        TaskRecord record = s.record();
        journal.log(to == TaskStatus.FAILED ? "error" : "info", s.spec.id(), "task " + s.spec.id() + " "
                + to.protocolName() + (reason != null ? ": " + reason
                        : s.error != null && to == TaskStatus.FAILED ? ": " + s.error.get("message") : ""));
        journal.taskChanged(record);
        if (begun) {
            gateway.afterTask(s.spec, record);
        }
        releaseHeld();
    }

    private void releaseHeld() {
        for (TaskSlot h : slots.values()) {
            if (h.held && starts.unfinishedFinishPredecessors(h).isEmpty()) {
                finish(h, TaskStatus.COMPLETED, null);
            }
        }
    }

    /** Ends the execution once every task reached a final status; lock held. */
    private void maybeEnd() {
        if (ending || slots.values().stream().anyMatch(s -> !s.status.terminal())) {
            return;
        }
        ending = true;
        if (failure != null && status != ExecutionStatus.CANCELLED && plan.errorPolicy().rollback()) {
            List<TaskSlot> undo = new ArrayList<>(completionOrder);
            Collections.reverse(undo);
            undo.removeIf(s -> s.spec.rollback() == null);
            pool.execute(() -> rollBack(undo));
            return;
        }
        close();
    }

    private void rollBack(List<TaskSlot> undo) {
        synchronized (this) {
            journal.log("warn", null, "rolling back " + undo.size() + " completed task(s) in reverse completion order");
        }
        for (TaskSlot s : undo) {
            try {
                gateway.rollback(s.spec);
                synchronized (this) {
                    s.status = TaskStatus.ROLLED_BACK;
                    s.reason = "rolled back with " + s.spec.rollback().method() + " after the execution failed";
                    journal.log("info", s.spec.id(), "task " + s.spec.id() + " rolled back");
                    journal.taskChanged(s.record());
                }
            } catch (TaskFailure | RuntimeException e) {
                synchronized (this) {
                    s.reason = "rollback with " + s.spec.rollback().method() + " failed: " + e.getMessage();
                    journal.log("error", s.spec.id(), "task " + s.spec.id() + " " + s.reason);
                    journal.taskChanged(s.record());
                }
            }
        }
        synchronized (this) {
            close();
        }
    }

    private void close() {
        ExecutionStatus last = status == ExecutionStatus.CANCELLED ? ExecutionStatus.CANCELLED
                : failure != null ? ExecutionStatus.FAILED : ExecutionStatus.COMPLETED;
        if (last != status) {
            status = last;
            journal.statusChanged(last, failure);
        }
        journal.log("info", null, "execution ended " + last.protocolName());
        journal.ended(last);
        end.complete(last);
    }

    private static TaskFailure unexpected(RuntimeException e) {
        return new TaskFailure("engine-error", 500, e.getClass().getName() + ": " + e.getMessage(), false);
    }
}
