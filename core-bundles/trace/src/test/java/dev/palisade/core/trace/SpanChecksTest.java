package dev.palisade.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;

class SpanChecksTest {

    private static final String TRACE = "11111111-1111-4111-8111-111111111111";
    private static final String AGENT = "22222222-2222-4222-8222-222222222222";
    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> violations(HostProblem p) {
        return (List<Map<String, Object>>) p.properties().get("violations");
    }

    @Test
    void theHostFillsTheIdAndReadsTheTimes() {
        ObjectNode span = Spans.span(TRACE, null, AGENT, T0);
        Span checked = SpanChecks.check(List.of(span), false).get(0);
        assertTrue(checked.text("id").matches("[0-9a-f-]{36}"));
        assertEquals(T0, checked.start());
        assertEquals(T0.plusMillis(5), checked.end());
        assertEquals("success", checked.status());
    }

    @Test
    void batchViolationsNameTheSpansIndexAndNothingIsAccepted() {
        ObjectNode good = Spans.span(TRACE, null, AGENT, T0);
        ObjectNode badType = Spans.span(TRACE, null, AGENT, T0);
        ((ObjectNode) badType.get("action")).put("type", "dance");
        ObjectNode endsEarly = Spans.span(TRACE, null, AGENT, T0);
        ((ObjectNode) endsEarly.get("timestamp")).put("end", "2026-11-22T06:59:59Z");
        ObjectNode badStart = Spans.span(TRACE, null, AGENT, T0);
        ((ObjectNode) badStart.get("timestamp")).put("start", "yesterday");
        HostProblem p = assertThrows(HostProblem.class,
                () -> SpanChecks.check(List.<JsonNode>of(good, badType, endsEarly, badStart), true));
        assertEquals(400, p.status());
        List<Map<String, Object>> v = violations(p);
        assertEquals("/spans/1/action/type", v.get(0).get("field"));
        assertEquals("enum", v.get(0).get("rule"));
        assertEquals(Map.of("field", "/spans/2/timestamp/end", "rule", "after-start", "message",
                "the span ends (2026-11-22T06:59:59Z) before it starts (2026-11-22T07:00:00Z)"), v.get(1));
        assertEquals("/spans/3/timestamp/start", v.get(2).get("field"));
        assertTrue(p.detail().startsWith("the batch was refused, no span of it was recorded: /spans/1/action/type"),
                p.detail());
    }

    @Test
    void twoSpansOfABatchMayNotShareAnId() {
        ObjectNode a = Spans.span(TRACE, null, AGENT, T0);
        a.put("id", "33333333-3333-4333-8333-333333333333");
        ObjectNode b = a.deepCopy();
        HostProblem p = assertThrows(HostProblem.class, () -> SpanChecks.check(List.<JsonNode>of(a, b), true));
        assertEquals(List.of(Map.of("field", "/spans/1/id", "rule", "unique", "message",
                "span 1 has the id of span 0; give each span its own id or leave it out")), violations(p));
    }

    @Test
    void aMissingRequiredFieldOfASingleSpanHasNoIndex() {
        ObjectNode span = Spans.span(TRACE, null, AGENT, T0);
        span.remove("agent_id");
        HostProblem p = assertThrows(HostProblem.class, () -> SpanChecks.check(List.<JsonNode>of(span), false));
        assertEquals("", violations(p).get(0).get("field"));
        assertEquals("required", violations(p).get(0).get("rule"));
        assertTrue(p.detail().startsWith("the span was refused: (root) [required]"), p.detail());
    }
}
