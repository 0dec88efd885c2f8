package dev.palisade.core.trace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Violation;

/**
 * Turns spans as sent into checked {@link Span}s, all or none. The host fills a missing {@code id} with a new
 * UUID; then each span must match the MPLP Trace schema, its {@code timestamp.start} and {@code end} must be
 * RFC 3339 date-times with an offset ({@code 2026-01-02T03:04:05.678Z}), {@code end} not before
 * {@code start}, and no two spans of a batch may share an {@code id}. Violations of a batch name the span's
 * index in their field ({@code /spans/3/action/type}). Stateless.
 */
public final class SpanChecks {

    /** The most spans one batch may hold. */
    public static final int MAX_BATCH = 10_000;

    private SpanChecks() {
    }

    /**
     * @param spans   the spans, each expected to be a JSON object
     * @param batched whether they came as a batch ({@code {"spans": [...]}}), which puts {@code /spans/<i>} in
     *                front of each violation's field
     * @return the checked spans, in order
     * @throws HostProblem 400 {@code schema-violation} listing every violation of every span
     */
    public static List<Span> check(List<JsonNode> spans, boolean batched) {
        if (spans.size() > MAX_BATCH) {
            throw ProtocolProblems.invalid("the batch is too large", "/spans", "maxItems", "the batch holds "
                    + spans.size() + " spans; send at most " + MAX_BATCH + " per request");
        }
        List<Violation> violations = new ArrayList<>();
        List<Span> out = new ArrayList<>(spans.size());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            String prefix = batched ? "/spans/" + i : "";
            JsonNode node = spans.get(i);
            if (!(node instanceof ObjectNode span)) {
                violations.add(new Violation(prefix, "type", "a span must be a JSON object"));
                continue;
            }
            if (!span.has("id")) {
                span.put("id", UUID.randomUUID().toString());
            }
            List<Violation> found = MplpSchemas.bundled().violations("trace", span);
            if (!found.isEmpty()) {
                found.forEach(v -> violations.add(new Violation(prefix + v.field(), v.rule(), v.message())));
                continue;
            }
            Integer earlier = ids.putIfAbsent(span.get("id").asText(), i);
            if (earlier != null) {
                violations.add(new Violation(prefix + "/id", "unique", "span " + i + " has the id of span " + earlier
                        + "; give each span its own id or leave it out"));
            }
            Instant start = instant(span.path("timestamp").get("start"), prefix + "/timestamp/start", violations);
            Instant end = instant(span.path("timestamp").get("end"), prefix + "/timestamp/end", violations);
            if (start != null && end != null && end.isBefore(start)) {
                violations.add(new Violation(prefix + "/timestamp/end", "after-start", "the span ends ("
                        + end + ") before it starts (" + start + ")"));
            }
            out.add(new Span(span, start, end));
        }
        if (!violations.isEmpty()) {
            throw ProtocolProblems.invalid(batched ? "the batch was refused, no span of it was recorded"
                    : "the span was refused", violations);
        }
        return out;
    }

    private static Instant instant(JsonNode value, String field, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "format", "'" + value.asText()
                    + "' is not an RFC 3339 date-time such as 2026-01-02T03:04:05.678Z"));
            return null;
        }
    }
}
