package dev.palisade.core.trace.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which spans a query selects: equality on indexed columns ({@code trace_id}, {@code context_id},
 * {@code agent_id}, {@code status}), at most {@code limit}. Immutable.
 */
public final class SpanQuery {

    private final Map<String, String> equal;
    private final long limit;

    private SpanQuery(Map<String, String> equal, long limit) {
        this.equal = equal;
        this.limit = limit;
    }

    /** @return a query for every span, at most 100 */
    public static SpanQuery all() {
        return new SpanQuery(Map.of(), 100);
    }

    public SpanQuery traceId(String value) {
        return with("trace_id", value);
    }

    public SpanQuery contextId(String value) {
        return with("context_id", value);
    }

    public SpanQuery agentId(String value) {
        return with("agent_id", value);
    }

    public SpanQuery status(String value) {
        return with("status", value);
    }

    public SpanQuery limit(long value) {
        return new SpanQuery(equal, value);
    }

    long limit() {
        return limit;
    }

    String where() {
        List<String> terms = new ArrayList<>();
        equal.keySet().forEach(column -> terms.add(column + " = ?"));
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    List<String> values() {
        return List.copyOf(equal.values());
    }

    /** A {@code null} value leaves the column unfiltered. */
    private SpanQuery with(String column, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> next = new LinkedHashMap<>(equal);
        next.put(column, value);
        return new SpanQuery(next, limit);
    }
}
