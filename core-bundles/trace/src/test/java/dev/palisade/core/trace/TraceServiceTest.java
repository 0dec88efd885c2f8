package dev.palisade.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.trace.store.SpanQuery;
import dev.palisade.core.trace.store.SpanStore;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.EventHub;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.Subscription;
import dev.palisade.store.testing.TestModuleDatabase;

/** The recording path on a real H2 store, as the module runs it (on PostgreSQL: {@link TraceServiceOnPostgresTest}). */
class TraceServiceTest {

    private static final String TRACE = "11111111-1111-4111-8111-111111111111";
    private static final String AGENT = "22222222-2222-4222-8222-222222222222";
    private static final String OTHER_AGENT = "44444444-4444-4444-8444-444444444444";
    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00.123456Z");

    @TempDir
    Path dir;

    private TestModuleDatabase database;
    private TraceService traces;
    private final Counters counters = new Counters();
    private final EventHub<JsonNode> live = new EventHub<>();

    @BeforeEach
    void open() {
        database = openDatabase(dir);
        database.migrate("trace", SpanStore.class.getClassLoader(), SpanStore.SCRIPTS);
        traces = new TraceService(database, counters, live);
    }

    /** @return the store the tests run on, in {@code dir} if it keeps files */
    TestModuleDatabase openDatabase(Path dir) {
        return TestModuleDatabase.h2In(dir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aBatchIsStoredQueriedByTraceInStartOrderAndPublished() throws Exception {
        ObjectNode root = Spans.span(TRACE, null, AGENT, T0);
        ObjectNode child = Spans.span(TRACE, root.get("span_id").asText(), OTHER_AGENT, T0.plusMillis(2));
        ObjectNode elsewhere = Spans.span("55555555-5555-4555-8555-555555555555", null, AGENT, T0.plusMillis(1));
        try (Subscription<JsonNode> sub = live.subscribe(s -> AGENT.equals(s.path("agent_id").asText()), 10)) {
            List<String> ids = traces.record(List.of(child, elsewhere, root), true);
            assertEquals(3, ids.size());
            assertEquals(List.of(root.get("span_id"), child.get("span_id")),
                    traces.spansOf(TRACE).stream().map(s -> s.get("span_id")).toList());
            assertEquals(elsewhere.get("span_id"), sub.next(Duration.ofSeconds(1)).orElseThrow().get("span_id"));
            assertEquals(root.get("span_id"), sub.next(Duration.ofSeconds(1)).orElseThrow().get("span_id"));
        }
        assertEquals(List.of(child.get("span_id")), traces.query(SpanQuery.all().agentId(OTHER_AGENT)).stream()
                .map(s -> s.get("span_id")).toList());
        assertEquals(3, traces.query(SpanQuery.all()).size());
        assertEquals(1, traces.query(SpanQuery.all().limit(1)).size());
        assertEquals(3.0, counters.metrics().get(0).value());
        assertEquals(root, traces.spansOf(TRACE).get(0));
    }

    @Test
    void aBatchWithATakenIdStoresNothing() {
        ObjectNode first = Spans.span(TRACE, null, AGENT, T0);
        traces.record(List.of(first), false);
        ObjectNode fresh = Spans.span(TRACE, null, AGENT, T0.plusMillis(1));
        assertThrows(RuntimeException.class, () -> traces.record(List.of(fresh, first.deepCopy()), true));
        assertEquals(1, traces.spansOf(TRACE).size());
    }

    @Test
    void theBridgeSinkTakesPlainValuesAndAnUnknownTraceIsNotFound() {
        Map<String, Object> span = JsonColumns.map(Spans.span(TRACE, null, AGENT, T0));
        traces.record(List.of(span));
        assertEquals(1, traces.spansOf(TRACE).size());
        HostProblem p = assertThrows(HostProblem.class, () -> traces.spansOf("66666666-6666-4666-8666-666666666666"));
        assertEquals(404, p.status());
        assertEquals("there is no trace with id '66666666-6666-4666-8666-666666666666'; list them with GET on the"
                + " collection", p.detail());
    }
}
