package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;

/**
 * The trace module in the running distribution, driven over REST: single spans and batches recorded and
 * read back by trace (flat and as a tree) and by query; bad batches refused naming the span's index, with
 * nothing of them stored; the live stream filtered by agent.
 */
class TraceIT extends OnRunningDistribution {

    private static final String TRACES = "/api/v1/mplp/traces";
    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String span(String traceId, String spanId, String parent, String agent, int startMillis) {
        return "{\"trace_id\":\"" + traceId + "\",\"span_id\":\"" + spanId + "\","
                + (parent == null ? "" : "\"parent_span_id\":\"" + parent + "\",")
                + "\"context_id\":\"00000000-0000-4000-8000-000000000001\",\"agent_id\":\"" + agent + "\","
                + "\"action\":{\"name\":\"tool.call\",\"type\":\"invoke\"},"
                + "\"timestamp\":{\"start\":\"" + T0.plusMillis(startMillis) + "\",\"end\":\""
                + T0.plusMillis(startMillis + 5) + "\"},\"result\":{\"status\":\"success\"}}";
    }

    private static String batch(String... spans) {
        return "{\"spans\":[" + String.join(",", spans) + "]}";
    }

    @Test
    void spansAreRecordedAndReadBackByTraceFlatAndAsATree() {
        String trace = id();
        String agent = id();
        String root = id();
        String child = id();
        String grandchild = id();
        Response single = host.postJson(TRACES, span(trace, root, null, agent, 0));
        assertEquals(201, single.status(), single.body());
        assertEquals(1, single.json().path("recorded").asInt());
        Response batch = host.postJson(TRACES, batch(span(trace, grandchild, child, agent, 20),
                span(trace, child, root, agent, 10)));
        assertEquals(201, batch.status(), batch.body());
        assertEquals(2, batch.json().path("ids").size());

        Response flat = host.get(TRACES + "/" + trace + "/spans");
        assertEquals(200, flat.status(), flat.body());
        assertEquals(List.of(root, child, grandchild), field(flat.json().path("spans"), "span_id"));
        assertEquals(T0.toString(), Instant.parse(flat.json().path("spans").get(0).path("timestamp").path("start")
                .asText()).toString());

        Response tree = host.get(TRACES + "/" + trace + "/spans?tree=true");
        assertEquals(1, tree.json().path("roots").size(), tree.body());
        assertEquals(grandchild, tree.json().path("roots").get(0).path("children").get(0).path("children").get(0)
                .path("span_id").asText());

        Response byAgent = host.get(TRACES + "?agent_id=" + agent + "&limit=2");
        assertEquals(List.of(grandchild, child), field(byAgent.json().path("spans"), "span_id"));
        assertEquals(3, host.get(TRACES + "?trace_id=" + trace).json().path("spans").size());
    }

    @Test
    void aBadBatchIsRefusedNamingTheSpanAndNothingOfItIsStored() {
        String trace = id();
        String agent = id();
        String broken = span(trace, id(), null, agent, 2).replace("\"invoke\"", "\"dance\"");
        Response refused = host.postJson(TRACES, batch(span(trace, id(), null, agent, 0),
                span(trace, id(), null, agent, 1), broken));
        assertProblem(refused, 400, "schema-violation");
        assertEquals("/spans/2/action/type", refused.json().path("violations").get(0).path("field").asText());
        assertEquals("enum", refused.json().path("violations").get(0).path("rule").asText());
        assertProblem(host.get(TRACES + "/" + trace + "/spans"), 404, "not-found");
        assertEquals(0, host.get(TRACES + "?agent_id=" + agent).json().path("spans").size());

        Response first = host.postJson(TRACES, span(trace, id(), null, agent, 0));
        String taken = first.json().path("ids").get(0).asText();
        Response clash = host.postJson(TRACES, batch(span(trace, id(), null, agent, 3),
                span(trace, id(), null, agent, 4).replace("{\"trace_id\"", "{\"id\":\"" + taken + "\",\"trace_id\"")));
        assertProblem(clash, 409, "store-conflict");
        assertEquals(1, host.get(TRACES + "/" + trace + "/spans").json().path("count").asInt(), "nothing stored");

        String endsEarly = span(trace, id(), null, agent, 0).replace("\"end\":\"" + T0.plusMillis(5),
                "\"end\":\"" + T0.minusSeconds(1));
        Response early = host.postJson(TRACES, endsEarly);
        assertProblem(early, 400, "schema-violation");
        assertEquals("after-start", early.json().path("violations").get(0).path("rule").asText());
        assertProblem(host.postJson(TRACES, "{\"spans\": {}}"), 400, "schema-violation");
        assertProblem(host.postJson(TRACES, "{\"spans\": ["), 400, "malformed-json");
        assertProblem(host.get(TRACES + "/" + trace + "/spans?tree=maybe"), 400, "schema-violation");
        assertProblem(host.get(TRACES + "?limit=5000"), 400, "schema-violation");
        assertProblem(host.delete(TRACES), 405, "method-not-allowed");
    }

    @Test
    void theLiveStreamSendsTheRecordedSpansOfTheAgentAskedFor() throws Exception {
        String watched = id();
        String other = id();
        CompletableFuture<List<JsonNode>> events = CompletableFuture.supplyAsync(() -> host.streamEvents(
                TRACES + "/stream?agent_id=" + watched + "&max_events=2", 2, Duration.ofSeconds(30)));
        int round = 0;
        while (!events.isDone() && round < 100) {
            String trace = id();
            assertEquals(201, host.postJson(TRACES, batch(span(trace, id(), null, other, round),
                    span(trace, id(), null, watched, round))).status());
            round++;
            TimeUnit.MILLISECONDS.sleep(200);
        }
        List<JsonNode> received = events.get(30, TimeUnit.SECONDS);
        assertEquals(2, received.size(), "events: " + received);
        for (JsonNode span : received) {
            assertEquals(watched, span.path("agent_id").asText());
        }
        assertTrue(round >= 2, "the stream ended after " + round + " rounds");
    }

    private static List<String> field(JsonNode spans, String name) {
        List<String> out = new ArrayList<>();
        spans.forEach(s -> out.add(s.path(name).asText()));
        return out;
    }
}
