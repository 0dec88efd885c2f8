package dev.palisade.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SpanTreeTest {

    private static final String TRACE = "11111111-1111-4111-8111-111111111111";
    private static final String AGENT = "22222222-2222-4222-8222-222222222222";
    private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");

    @Test
    void childrenNestUnderTheirParentsAndOrphansAreRoots() {
        ObjectNode root = Spans.span(TRACE, null, AGENT, T0);
        ObjectNode child = Spans.span(TRACE, root.get("span_id").asText(), AGENT, T0.plusMillis(1));
        ObjectNode grandchild = Spans.span(TRACE, child.get("span_id").asText(), AGENT, T0.plusMillis(2));
        ObjectNode orphan = Spans.span(TRACE, "99999999-9999-4999-8999-999999999999", AGENT, T0.plusMillis(3));
        List<JsonNode> roots = SpanTree.of(List.of(root, child, grandchild, orphan));
        assertEquals(2, roots.size());
        assertEquals(root.get("span_id"), roots.get(0).get("span_id"));
        assertEquals(grandchild.get("span_id"),
                roots.get(0).get("children").get(0).get("children").get(0).get("span_id"));
        assertEquals(orphan.get("span_id"), roots.get(1).get("span_id"));
        assertEquals(0, roots.get(1).get("children").size());
    }

    @Test
    void spansWhoseParentsLeadBackToThemselvesAreRootsAndAppearOnce() {
        ObjectNode a = Spans.span(TRACE, null, AGENT, T0);
        ObjectNode b = Spans.span(TRACE, a.get("span_id").asText(), AGENT, T0);
        a.put("parent_span_id", b.get("span_id").asText());
        List<JsonNode> roots = SpanTree.of(List.of(a, b));
        assertEquals(2, roots.size());
        assertEquals(0, roots.get(0).get("children").size());
        assertEquals(0, roots.get(1).get("children").size());
    }
}
