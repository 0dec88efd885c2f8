package dev.palisade.core.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class StartRequestTest {

    private static final String CONTEXT = "0b7d2c4e-1a3f-4e5d-8c9b-7a6f5e4d3c2b";

    @Test
    void aGoodRequestIsRead() {
        assertEquals(new StartRequest(CONTEXT, null), StartRequest.read(Map.of("context_id", CONTEXT, "mode", "async")));
    }

    @Test
    void everyBadFieldIsNamed() {
        HostProblem p = assertThrows(HostProblem.class,
                () -> StartRequest.read(Map.of("context_id", "ctx-1", "agent_id", 7)));
        assertEquals(400, p.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) p.properties().get("violations");
        assertEquals(List.of("/context_id format", "/agent_id format"),
                violations.stream().map(v -> v.get("field") + " " + v.get("rule")).toList());
    }
}
