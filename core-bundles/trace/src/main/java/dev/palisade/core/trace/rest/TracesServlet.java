package dev.palisade.core.trace.rest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.trace.SpanTree;
import dev.palisade.core.trace.TraceService;
import dev.palisade.core.trace.store.SpanQuery;
import dev.palisade.protocol.EventHub;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.QueryValues;
import dev.palisade.protocol.Routes;
import dev.palisade.protocol.SseStream;
import dev.palisade.protocol.Subscription;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/mplp/traces}: POST records one span or a batch {@code {"spans": [...]}} (all or none; 201
 * {@code {recorded, ids}}), GET queries ({@code ?trace_id=&context_id=&agent_id=&status=&limit=}, newest start
 * first); {@code /traces/{traceId}/spans}: GET the trace's spans by start ({@code ?tree=true} nests them by
 * {@code parent_span_id}); {@code /traces/stream}: GET a live {@code text/event-stream} of spans as they are
 * recorded ({@code ?trace_id=&context_id=&agent_id=&max_events=}), one {@code span} event each.
 */
public final class TracesServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    /** The largest request body. */
    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int STREAM_BACKLOG = 1000;

    private final transient TraceService traces;
    private final transient EventHub<JsonNode> live;
    private final transient Routes routes;

    public TracesServlet(TraceService traces, EventHub<JsonNode> live) {
        this.traces = traces;
        this.live = live;
        this.routes = Routes.builder()
                .on("POST", "/", (v, req, resp) -> record(req, resp))
                .on("GET", "/", (v, req, resp) -> query(req, resp))
                .on("GET", "/stream", (v, req, resp) -> stream(req, resp))
                .on("GET", "/{traceId}/spans", (v, req, resp) -> spans(v.get("traceId"), req, resp))
                .build();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private void record(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode body = RequestBodies.readJsonObject(request, MAX_BODY_BYTES);
        boolean batched = body.has("spans") && !body.has("trace_id");
        List<JsonNode> spans = new ArrayList<>();
        if (batched) {
            JsonNode list = body.get("spans");
            if (!list.isArray()) {
                throw ProtocolProblems.invalid("the batch is invalid", "/spans", "type",
                        "'spans' must be an array of MPLP Trace spans");
            }
            list.forEach(spans::add);
        } else {
            spans.add(body);
        }
        List<String> ids = traces.record(spans, batched);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recorded", ids.size());
        out.put("ids", ids);
        writeJson(response, 201, out);
    }

    private void query(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long limit = QueryValues.number(request, "limit", 100, 1, 1000);
        SpanQuery query = SpanQuery.all().limit(limit)
                .traceId(request.getParameter("trace_id"))
                .contextId(request.getParameter("context_id"))
                .agentId(request.getParameter("agent_id"))
                .status(QueryValues.oneOf(request, "status", Set.of("success", "failure", "timeout", "cancelled")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("spans", traces.query(query));
        out.put("limit", limit);
        writeJson(response, 200, out);
    }

    private void spans(String traceId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean tree = "true".equals(QueryValues.oneOf(request, "tree", Set.of("true", "false")));
        List<JsonNode> spans = traces.spansOf(traceId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trace_id", traceId);
        out.put("count", spans.size());
        out.put(tree ? "roots" : "spans", tree ? SpanTree.of(spans) : spans);
        writeJson(response, 200, out);
    }

    private void stream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long maxEvents = QueryValues.number(request, "max_events", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        Predicate<JsonNode> filter = matching("trace_id", request).and(matching("context_id", request))
                .and(matching("agent_id", request));
        try (Subscription<JsonNode> subscription = live.subscribe(filter, STREAM_BACKLOG)) {
            SseStream.open(response).pump(subscription, "span", span -> span, HEARTBEAT, maxEvents);
        }
    }

    private static Predicate<JsonNode> matching(String field, HttpServletRequest request) {
        String wanted = request.getParameter(field);
        return wanted == null ? span -> true : span -> Objects.equals(wanted, span.path(field).textValue());
    }
}
