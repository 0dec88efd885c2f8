package dev.palisade.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class RequestBodiesTest {

    @Test
    void malformedJsonNamesLineAndColumn() {
        byte[] body = "{\n  \"method\": \"x\",\n  \"input\": {\"a\": }\n}".getBytes(StandardCharsets.UTF_8);

        HostProblem problem = assertThrows(HostProblem.class, () -> RequestBodies.parseJson(body));

        assertEquals(400, problem.status());
        assertEquals("malformed-json", problem.type());
        assertEquals(3, problem.properties().get("line"));
        assertEquals(18, problem.properties().get("column"));
        assertEquals("the request body is not valid JSON at line 3, column 18: Unexpected character ('}' (code 125)):"
                + " expected a value; send a well-formed JSON object", problem.detail());
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        HostProblem dup = assertThrows(HostProblem.class,
                () -> RequestBodies.parseJson("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("malformed-json", dup.type());
        HostProblem trailing = assertThrows(HostProblem.class,
                () -> RequestBodies.parseJson("{\"a\":1} {".getBytes(StandardCharsets.UTF_8)));
        assertEquals("malformed-json", trailing.type());
    }

    @Test
    void emptyBodyIsMalformed() {
        HostProblem problem = assertThrows(HostProblem.class, () -> RequestBodies.parseJson(new byte[0]));
        assertEquals("the request body is empty; send a JSON object", problem.detail());
    }

    @Test
    void readBytesStopsAtTheLimit() throws Exception {
        byte[] data = new byte[1001];
        HostProblem problem = assertThrows(HostProblem.class,
                () -> RequestBodies.readBytes(new ByteArrayInputStream(data), 1000));
        assertEquals(413, problem.status());
        assertEquals("the request body is larger than the limit of 1000 bytes; send a smaller body", problem.detail());

        assertArrayEquals(new byte[1000], RequestBodies.readBytes(new ByteArrayInputStream(new byte[1000]), 1000));
    }
}
