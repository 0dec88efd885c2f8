package dev.palisade.core.trace;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One checked MPLP Trace span and the values its columns hold.
 *
 * @param json  the span as recorded (with the {@code id} the host filled in, if any)
 * @param start {@code timestamp.start}
 * @param end   {@code timestamp.end}, or {@code null}
 */
public record Span(ObjectNode json, Instant start, Instant end) {

    /** @return the value of a string field at the top of the span, or {@code null} */
    public String text(String field) {
        return json.path(field).textValue();
    }

    /** @return {@code result.status}, or {@code null} */
    public String status() {
        return json.path("result").path("status").textValue();
    }
}
