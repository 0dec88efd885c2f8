package dev.palisade.core.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A trace's spans nested by {@code parent_span_id}: each span gets a {@code children} array, in the order
 * given. A span whose parent is not among the spans (or that has none) is a root, and so is a span whose
 * parent links lead back to itself (a damaged trace), so every span appears exactly once. Stateless.
 */
public final class SpanTree {

    private SpanTree() {
    }

    /** @return the roots, each with its descendants under {@code children}; the input is not changed */
    public static List<JsonNode> of(List<JsonNode> spans) {
        Map<String, ObjectNode> bySpanId = new LinkedHashMap<>();
        List<ObjectNode> copies = new ArrayList<>();
        for (JsonNode span : spans) {
            ObjectNode copy = span.deepCopy();
            copy.putArray("children");
            copies.add(copy);
            bySpanId.putIfAbsent(copy.path("span_id").asText(), copy);
        }
        List<JsonNode> roots = new ArrayList<>();
        for (ObjectNode span : copies) {
            ObjectNode parent = parentOf(span, bySpanId);
            if (parent == null || leadsBackTo(span, parent, bySpanId)) {
                roots.add(span);
            } else {
                ((ArrayNode) parent.get("children")).add(span);
            }
        }
        return roots;
    }

    private static ObjectNode parentOf(ObjectNode span, Map<String, ObjectNode> bySpanId) {
        return bySpanId.get(span.path("parent_span_id").asText(""));
    }

    private static boolean leadsBackTo(ObjectNode span, ObjectNode parent, Map<String, ObjectNode> bySpanId) {
        ObjectNode at = parent;
        for (int steps = 0; at != null && steps <= bySpanId.size(); steps++) {
            if (at == span) {
                return true;
            }
            at = parentOf(at, bySpanId);
        }
        return at != null;
    }
}
