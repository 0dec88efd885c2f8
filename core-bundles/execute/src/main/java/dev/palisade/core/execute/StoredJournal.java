package dev.palisade.core.execute;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.palisade.core.execute.engine.ExecutionJournal;
import dev.palisade.core.execute.engine.ExecutionStatus;
import dev.palisade.core.execute.engine.TaskRecord;
import dev.palisade.core.execute.engine.TaskStatus;
import dev.palisade.core.execute.store.ExecutionHeader;
import dev.palisade.core.execute.store.ExecutionStore;
import dev.palisade.core.execute.store.LogLine;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.EventHub;
import dev.palisade.protocol.Subscription;
import dev.palisade.protocol.Timestamps;

/**
 * One execution's journal. Changes are written behind the run, on the module's single store writer: each
 * write is one transaction holding every task's newest state, the log lines and the status change since the
 * previous write, so the engine never waits for the database and a busy writer batches more per commit. The
 * whole log is also kept in memory while the execution runs, and every line is published live. At the end
 * it records the root span, fires the {@code execution.complete} after-hooks, ends the live stream, and
 * — once the last write is in the store — lets the engine forget the execution. A store failure is logged
 * and the execution goes on (the stored view then lags). Thread-safe.
 */
final class StoredJournal implements ExecutionJournal {

    private static final System.Logger LOG = System.getLogger(StoredJournal.class.getName());

    private final ExecutionHeader execution;
    private final ExecutionStore store;
    private final Executor writer;
    private final Counters counters;
    private final Collaborators services;
    private final SpanRecorder spans;
    private final Clock clock;
    private final Runnable onStored;
    private final List<LogLine> lines = new ArrayList<>();
    private final EventHub<LogLine> hub = new EventHub<>();
    private final Map<String, TaskRecord> unwrittenTasks = new LinkedHashMap<>();
    private final List<LogLine> unwrittenLines = new ArrayList<>();
    private ExecutionStore.StatusChange unwrittenStatus;
    /** The write queued and not yet started, or {@code null}. */
    private CompletableFuture<Void> queuedWrite;
    /** The write started last (done or under way). */
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);
    private boolean ended;
    private String reason;

    /**
     * @param writer   runs the store writes one after the other
     * @param onStored runs once the final status is in the store
     */
    StoredJournal(ExecutionHeader execution, ExecutionStore store, Executor writer, Counters counters,
            Collaborators services, SpanRecorder spans, Clock clock, Runnable onStored) {
        this.execution = execution;
        this.store = store;
        this.writer = writer;
        this.counters = counters;
        this.services = services;
        this.spans = spans;
        this.clock = clock;
        this.onStored = onStored;
    }

    @Override
    public synchronized void statusChanged(ExecutionStatus status, String why) {
        reason = why;
        unwrittenStatus = new ExecutionStore.StatusChange(status.protocolName(), why, Timestamps.now(clock), false);
        queueWrite();
    }

    @Override
    public synchronized void taskChanged(TaskRecord task) {
        if (task.status() == TaskStatus.RETRYING) {
            count("palisade_execute_tasks_retried_total", "Task attempts the execute engine scheduled again");
        } else if (task.status() == TaskStatus.FAILED) {
            count("palisade_execute_tasks_failed_total", "Tasks that failed after their retries");
        }
        unwrittenTasks.put(task.taskId(), task);
        queueWrite();
    }

    @Override
    public synchronized void log(String level, String taskId, String message) {
        LogLine line = new LogLine(execution.id(), lines.size() + 1L, Timestamps.now(clock), level, taskId, message);
        lines.add(line);
        unwrittenLines.add(line);
        hub.publish(line);
        queueWrite();
    }

    @Override
    public synchronized void ended(ExecutionStatus status) {
        Instant end = Timestamps.now(clock);
        ended = true;
        unwrittenStatus = new ExecutionStore.StatusChange(status.protocolName(), reason, end, true);
        queueWrite();
        count("palisade_execute_executions_" + status.protocolName() + "_total",
                "Executions that ended " + status.protocolName());
        String traced = switch (status) {
            case COMPLETED -> "success";
            case CANCELLED -> "cancelled";
            default -> "failure";
        };
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("plan_id", execution.planId());
        parameters.put("execution_id", execution.id());
        spans.root(new SpanRecorder.Step("execute plan " + execution.planId(), "execute", parameters,
                execution.createdAt(), end, traced, null, reason == null ? null : Map.of("message", reason)));
        LifecycleHooks hooks = services.hooks();
        if (hooks != null) {
            Map<String, Object> payload = new LinkedHashMap<>(parameters);
            payload.put("context_id", execution.contextId());
            payload.put("status", status.protocolName());
            payload.put("reason", reason);
            hooks.after("execution.complete", payload);
        }
        hub.close();
    }

    /** @return the lines numbered above {@code afterSeq}, from memory */
    synchronized List<LogLine> linesAfter(long afterSeq) {
        return List.copyOf(lines.subList((int) Math.min(afterSeq, lines.size()), lines.size()));
    }

    /**
     * @return the lines so far and, with no gap or overlap, a subscription to the lines written from now on;
     *         it ends with the execution
     */
    synchronized LogFollow follow(int capacity) {
        return new LogFollow(List.copyOf(lines), hub.subscribe(line -> true, capacity));
    }

    /** Ends the live stream without ending the execution: the host stops. */
    void abandon() {
        hub.close();
    }

    /** @return completes once everything reported so far is in the store (or failed to get there) */
    synchronized CompletableFuture<Void> written() {
        return queuedWrite != null ? queuedWrite : lastWrite;
    }

    private void queueWrite() {
        if (queuedWrite == null) {
            queuedWrite = new CompletableFuture<>();
            try {
                writer.execute(this::write);
            } catch (RejectedExecutionException stopping) {
                queuedWrite.complete(null);
                queuedWrite = null;
                LOG.log(System.Logger.Level.DEBUG, "execution " + execution.id() + ": the module stops; this "
                        + "progress stays unwritten and the next start marks the execution failed (host restarted)");
            }
        }
    }

    /** On the writer: everything unwritten in one transaction. */
    private void write() {
        List<TaskRecord> tasks;
        List<LogLine> newLines;
        ExecutionStore.StatusChange status;
        boolean last;
        CompletableFuture<Void> done;
        synchronized (this) {
            tasks = List.copyOf(unwrittenTasks.values());
            newLines = List.copyOf(unwrittenLines);
            status = unwrittenStatus;
            last = ended;
            unwrittenTasks.clear();
            unwrittenLines.clear();
            unwrittenStatus = null;
            done = queuedWrite;
            lastWrite = done;
            queuedWrite = null;
        }
        try {
            store.record(execution.id(), tasks, newLines, status);
        } catch (HostProblem | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "execution " + execution.id() + ": " + tasks.size() + " task "
                    + "change(s), " + newLines.size() + " log line(s) and the status were not stored: "
                    + e.getMessage());
        } finally {
            done.complete(null);
        }
        if (last && status != null && status.finished()) {
            onStored.run();
        }
    }

    private void count(String name, String help) {
        counters.add(name, help, Map.of(), 1);
    }
}
