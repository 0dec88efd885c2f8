package dev.palisade.core.trace;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.web.Json;

/** Valid MPLP Trace spans for tests and benchmarks. */
public final class Spans {

    private Spans() {
    }

    /** @return a span of {@code traceId} with a fresh span id, starting at {@code start} and lasting 5 ms */
    public static ObjectNode span(String traceId, String parentSpanId, String agentId, Instant start) {
        ObjectNode span = Json.mapper().createObjectNode();
        span.put("trace_id", traceId);
        span.put("span_id", UUID.randomUUID().toString());
        if (parentSpanId != null) {
            span.put("parent_span_id", parentSpanId);
        }
        span.put("context_id", "00000000-0000-4000-8000-000000000001");
        span.put("agent_id", agentId);
        ObjectNode action = span.putObject("action");
        action.put("name", "tool.call");
        action.put("type", "invoke");
        action.putObject("parameters").put("tool", "search");
        ObjectNode timestamp = span.putObject("timestamp");
        timestamp.put("start", start.toString());
        timestamp.put("end", start.plusMillis(5).toString());
        span.putObject("result").put("status", "success");
        return span;
    }
}
