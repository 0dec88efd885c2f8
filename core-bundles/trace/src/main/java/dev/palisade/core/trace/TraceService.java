package dev.palisade.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.trace.store.SpanQuery;
import dev.palisade.core.trace.store.SpanStore;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.TraceSink;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.EventHub;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.ProtocolProblems;

/**
 * Records spans and answers queries. A recording is checked first ({@link SpanChecks}), then written in
 * one transaction as one JDBC batch, then each span is handed to the live stream's subscribers and counted;
 * a refused or failed recording stores and publishes nothing. The same path serves REST and the bridge's
 * {@link TraceSink}, which this class is. Thread-safe.
 */
public final class TraceService implements TraceSink {

    private final ModuleDatabase database;
    private final SpanStore store = new SpanStore();
    private final Counters counters;
    private final EventHub<JsonNode> live;

    public TraceService(ModuleDatabase database, Counters counters, EventHub<JsonNode> live) {
        this.database = database;
        this.counters = counters;
        this.live = live;
    }

    /**
     * @param spans   the spans as sent
     * @param batched whether they came as a batch (violations then name each span's index)
     * @return the recorded spans' ids, in order
     * @throws HostProblem 400 {@code schema-violation}; 409 {@code store-conflict} when a span's id is taken;
     *                     503 {@code store-unavailable}
     */
    public List<String> record(List<JsonNode> spans, boolean batched) {
        List<Span> checked = SpanChecks.check(spans, batched);
        database.inTransaction("recording " + checked.size() + " trace spans", c -> {
            store.insert(c, checked);
            return null;
        });
        List<String> ids = new ArrayList<>(checked.size());
        for (Span s : checked) {
            ids.add(s.text("id"));
            live.publish(s.json());
        }
        counters.add("palisade_trace_spans_recorded_total", "Trace spans recorded", Map.of(), checked.size());
        return ids;
    }

    @Override
    public void record(List<Map<String, Object>> spans) {
        List<JsonNode> trees = new ArrayList<>(spans.size());
        spans.forEach(s -> trees.add(JsonColumns.tree((Object) s)));
        record(trees, true);
    }

    /**
     * @return the trace's spans ordered by start
     * @throws HostProblem 404 {@code not-found} when no span has this trace id
     */
    public List<JsonNode> spansOf(String traceId) {
        List<JsonNode> spans = database.inTransaction("reading trace " + traceId, c -> store.ofTrace(c, traceId));
        if (spans.isEmpty()) {
            throw ProtocolProblems.notFound("trace", traceId);
        }
        return spans;
    }

    /** @return the spans the query selects, newest start first */
    public List<JsonNode> query(SpanQuery query) {
        return database.inTransaction("querying trace spans", c -> store.query(c, query));
    }
}
