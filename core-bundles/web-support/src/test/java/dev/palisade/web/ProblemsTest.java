package dev.palisade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class ProblemsTest {

    @Test
    void documentHasTheFourStandardMembersThenTheProperties() throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("reason", "untrusted-signer");
        props.put("status", 999); // may not replace a standard member
        HostProblem problem = new HostProblem(422, "deployment-refused", "Deployment refused",
                "signer CN=x is not trusted; add its issuer to etc/trust/", props);

        String json = Json.mapper().writeValueAsString(Problems.document(problem));

        assertEquals("{\"type\":\"urn:palisade:problem:deployment-refused\",\"title\":\"Deployment refused\","
                + "\"status\":422,\"detail\":\"signer CN=x is not trusted; add its issuer to etc/trust/\","
                + "\"reason\":\"untrusted-signer\"}", json);
    }

    @Test
    void noResourceNamesMethodAndPath() {
        HostProblem problem = Problems.noResource("GET", "/api/v1/nothing");
        assertEquals(404, problem.status());
        assertEquals("not-found", problem.type());
        assertEquals("no resource answers GET /api/v1/nothing; see the REST API documentation for the paths"
                + " under /api/v1/", problem.detail());
    }
}
