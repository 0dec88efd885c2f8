package dev.palisade.core.execute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.TraceSink;
import dev.palisade.protocol.Timestamps;

/**
 * Builds one execution's MPLP Trace spans and hands them to the trace module: trace id = execution id, one
 * root span (action {@code execute}) and children under it (a task attempt or rollback: {@code invoke}; an
 * approval wait: {@code validate}). Spans are sent behind the run, on the module's store writer, in batches of
 * what accumulated meanwhile; a batch the trace module refuses or cannot store is logged and dropped: tracing
 * never slows or fails a task. Thread-safe.
 */
final class SpanRecorder {

    /** The agent id of spans no agent or extension stands for (the engine itself; a no-op step). */
    static final String ENGINE_AGENT = UUID.nameUUIDFromBytes("palisade-execute-engine".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).toString();

    private static final System.Logger LOG = System.getLogger(SpanRecorder.class.getName());

    private final Collaborators services;
    private final String executionId;
    private final String contextId;
    private final String agentId;
    private final String rootSpanId = UUID.randomUUID().toString();
    private final Executor writer;
    private final List<Map<String, Object>> unsent = new ArrayList<>();

    /** @param writer sends the spans, one batch after the other */
    SpanRecorder(Collaborators services, Executor writer, String executionId, String contextId, String agentId) {
        this.services = services;
        this.writer = writer;
        this.executionId = executionId;
        this.contextId = contextId;
        this.agentId = agentId;
    }

    /** A finished step: name, type, parameters, outcome. */
    record Step(String name, String type, Map<String, Object> parameters, Instant start, Instant end, String status,
            Object output, Map<String, Object> error) {
    }

    /**
     * Records a child of the root span.
     *
     * @param extensionId the extension that did the step (the span's agent when the request named none), or
     *                    {@code null}
     */
    void child(Step step, String extensionId) {
        record(step, UUID.randomUUID().toString(), rootSpanId,
                agentId != null ? agentId : extensionId != null ? extensionId : ENGINE_AGENT);
    }

    /** Records the root span, once the execution ended. */
    void root(Step step) {
        record(step, rootSpanId, null, agentId != null ? agentId : ENGINE_AGENT);
    }

    private void record(Step step, String spanId, String parent, String agent) {
        if (services.traces() == null) {
            return;
        }
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("id", spanId);
        span.put("trace_id", executionId);
        span.put("span_id", spanId);
        if (parent != null) {
            span.put("parent_span_id", parent);
        }
        span.put("context_id", contextId);
        span.put("agent_id", agent);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", step.name());
        action.put("type", step.type());
        action.put("parameters", step.parameters());
        action.put("duration", java.time.Duration.between(step.start(), step.end()).toString());
        span.put("action", action);
        span.put("timestamp", Map.of("start", Timestamps.text(step.start()), "end", Timestamps.text(step.end())));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", step.status());
        if (step.output() != null) {
            result.put("output", step.output() instanceof Map<?, ?> ? step.output() : Map.of("value", step.output()));
        }
        if (step.error() != null) {
            result.put("error", step.error());
        }
        span.put("result", result);
        span.put("metadata", Map.of("tags", Map.of("module", "execute", "execution_id", executionId)));
        synchronized (unsent) {
            unsent.add(span);
            if (unsent.size() == 1) {
                try {
                    writer.execute(this::send);
                } catch (RejectedExecutionException stopping) {
                    unsent.clear();
                }
            }
        }
    }

    /** On the writer: every span recorded since the last batch. */
    private void send() {
        List<Map<String, Object>> batch;
        synchronized (unsent) {
            batch = List.copyOf(unsent);
            unsent.clear();
        }
        TraceSink sink = services.traces();
        if (sink == null) {
            return;
        }
        try {
            sink.record(batch);
        } catch (HostProblem | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, batch.size() + " span(s) of execution " + executionId
                    + " were not recorded: " + e.getMessage());
        }
    }
}
