package dev.palisade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.web.Json;

class MergePatchTest {

    /** The examples of RFC 7396, appendix A. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":\"b\"}           | {\"a\":\"c\"}            | {\"a\":\"c\"}",
            "{\"a\":\"b\"}           | {\"b\":\"c\"}            | {\"a\":\"b\",\"b\":\"c\"}",
            "{\"a\":\"b\"}           | {\"a\":null}             | {}",
            "{\"a\":\"b\",\"b\":\"c\"} | {\"a\":null}           | {\"b\":\"c\"}",
            "{\"a\":[\"b\"]}         | {\"a\":\"c\"}            | {\"a\":\"c\"}",
            "{\"a\":\"c\"}           | {\"a\":[\"b\"]}          | {\"a\":[\"b\"]}",
            "{\"a\":{\"b\":\"c\"}}   | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
            "{\"a\":[{\"b\":\"c\"}]} | {\"a\":[1]}              | {\"a\":[1]}",
            "[\"a\",\"b\"]           | [\"c\",\"d\"]            | [\"c\",\"d\"]",
            "{\"a\":\"b\"}           | [\"c\"]                  | [\"c\"]",
            "{\"a\":\"foo\"}         | null                     | null",
            "{\"a\":\"foo\"}         | \"bar\"                  | \"bar\"",
            "{\"e\":null}            | {\"a\":1}                | {\"e\":null,\"a\":1}",
            "[1,2]                   | {\"a\":\"b\",\"c\":null} | {\"a\":\"b\"}",
            "{}                      | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}" })
    void appliesTheRfcExamples(String target, String patch, String expected) throws Exception {
        JsonNode t = Json.mapper().readTree(target);
        JsonNode result = MergePatch.apply(t, Json.mapper().readTree(patch));
        assertEquals(Json.mapper().readTree(expected), result);
        assertEquals(Json.mapper().readTree(target), t, "the target is left as it was");
    }
}
