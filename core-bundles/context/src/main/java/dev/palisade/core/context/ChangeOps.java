package dev.palisade.core.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one write changed in a context, as the operations another host applies in order to catch up:
 * {@code {"op":"set","path":<JSON Pointer>,"value":...}} (creates or replaces the value at the path) and
 * {@code {"op":"remove","path":...}}. Top-level members, members of {@code shared_state} and single
 * variables of {@code shared_state.variables} are set or removed one by one; anything deeper is set
 * whole. The path {@code ""} sets the whole object. Stateless.
 */
final class ChangeOps {

    private static final List<String> DESCEND = List.of("shared_state", "variables");

    private ChangeOps() {
    }

    /** @return the one operation that sets {@code whole} */
    static List<Map<String, Object>> whole(JsonNode whole) {
        return List.of(set("", whole));
    }

    /** @return the operations that turn {@code before} into {@code after} (both objects) */
    static List<Map<String, Object>> between(JsonNode before, JsonNode after) {
        List<Map<String, Object>> ops = new ArrayList<>();
        diff("", 0, before, after, ops);
        return ops;
    }

    private static void diff(String path, int depth, JsonNode before, JsonNode after, List<Map<String, Object>> ops) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String at = path + "/" + escape(name);
            JsonNode was = before.get(name);
            JsonNode now = after.get(name);
            if (now == null) {
                ops.add(Map.of("op", "remove", "path", at));
            } else if (was == null || !was.equals(now)) {
                boolean descend = depth < DESCEND.size() && DESCEND.get(depth).equals(name) && was != null
                        && was.isObject() && now.isObject();
                if (descend) {
                    diff(at, depth + 1, was, now, ops);
                } else {
                    ops.add(set(at, now));
                }
            }
        }
    }

    private static Map<String, Object> set(String path, JsonNode value) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", "set");
        op.put("path", path);
        op.put("value", value);
        return op;
    }

    /** @return {@code name} as one JSON Pointer token ({@code ~} and {@code /} escaped) */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
