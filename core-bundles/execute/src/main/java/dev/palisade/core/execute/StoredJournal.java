package dev.palisade.core.execute;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * One execution's journal: each task change is one store transaction, carrying the log lines written since
 * the previous one (so a line reaches the store with the change it describes); the whole log is also kept
 * in memory while the execution runs, and every line is published live. At the end it records the root
 * span, fires the {@code execution.complete} after-hooks and ends the live stream. A store failure is logged
 * and the execution goes on (the store then lags behind the memory view). Thread-safe.
 */
final class StoredJournal implements ExecutionJournal {

    private static final System.Logger LOG = System.getLogger(StoredJournal.class.getName());

    private final ExecutionHeader execution;
    private final ExecutionStore store;
    private final Counters counters;
    private final Collaborators services;
    private final SpanRecorder spans;
    private final Clock clock;
    private final Runnable onEnded;
    private final List<LogLine> lines = new ArrayList<>();
    private final List<LogLine> unwritten = new ArrayList<>();
    private final EventHub<LogLine> hub = new EventHub<>();
    private String reason;

    StoredJournal(ExecutionHeader execution, ExecutionStore store, Counters counters, Collaborators services,
            SpanRecorder spans, Clock clock, Runnable onEnded) {
        this.execution = execution;
        this.store = store;
        this.counters = counters;
        this.services = services;
        this.spans = spans;
        this.clock = clock;
        this.onEnded = onEnded;
    }

    @Override
    public synchronized void statusChanged(ExecutionStatus status, String why) {
        reason = why;
        List<LogLine> pending = drain();
        storing("status " + status.protocolName(), () -> {
            store.status(execution.id(), status.protocolName(), why, Timestamps.now(clock), false);
            store.log(pending);
        });
    }

    @Override
    public synchronized void taskChanged(TaskRecord task) {
        if (task.status() == TaskStatus.RETRYING) {
            count("palisade_execute_tasks_retried_total", "Task attempts the execute engine scheduled again");
        } else if (task.status() == TaskStatus.FAILED) {
            count("palisade_execute_tasks_failed_total", "Tasks that failed after their retries");
        }
        List<LogLine> pending = drain();
        storing("task " + task.taskId(), () -> store.task(execution.id(), task, pending));
    }

    @Override
    public synchronized void log(String level, String taskId, String message) {
        LogLine line = new LogLine(execution.id(), lines.size() + 1L, Timestamps.now(clock), level, taskId, message);
        lines.add(line);
        unwritten.add(line);
        hub.publish(line);
    }

    @Override
    public synchronized void ended(ExecutionStatus status) {
        Instant end = Timestamps.now(clock);
        List<LogLine> pending = drain();
        storing("the end", () -> {
            store.status(execution.id(), status.protocolName(), reason, end, true);
            store.log(pending);
        });
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
        onEnded.run();
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

    private List<LogLine> drain() {
        List<LogLine> out = List.copyOf(unwritten);
        unwritten.clear();
        return out;
    }

    private void count(String name, String help) {
        counters.add(name, help, Map.of(), 1);
    }

    private void storing(String what, Runnable write) {
        try {
            write.run();
        } catch (HostProblem | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "execution " + execution.id() + ": " + what
                    + " was not stored: " + e.getMessage());
        }
    }
}
