package dev.palisade.core.extension.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.web.Json;
import dev.palisade.web.Problems;

class RestParsingTest {

    @Test
    void fileNameComesFromTheQueryOnly() {
        assertEquals("upload.jar", ExtensionsServlet.fileName(null));
        assertEquals("upload.jar", ExtensionsServlet.fileName("other=1"));
        assertEquals("text-tools-1.0.0.jar", ExtensionsServlet.fileName("a=b&filename=text-tools-1.0.0.jar"));
        assertEquals("x.JAR", ExtensionsServlet.fileName("filename=x.JAR"));
    }

    @Test
    void fileNamesThatAreNotPlainJarNamesAreRefused() {
        for (String bad : List.of("..%2Fevil.jar", "%2Fetc%2Fx.jar", "x.zip", ".hidden.jar", "a%00.jar", "")) {
            HostProblem problem = assertThrows(HostProblem.class, () -> ExtensionsServlet.fileName("filename=" + bad));
            assertEquals(400, problem.status(), bad);
            assertEquals("invalid-filename", problem.type());
        }
        HostProblem problem = assertThrows(HostProblem.class, () -> ExtensionsServlet.fileName("filename=..%2Fe.jar"));
        assertEquals("filename '../e.jar' is not accepted; use a plain file name of letters, digits, '.', '_' and '-'"
                + " that ends in .jar, such as text-tools-1.0.0.jar", problem.detail());
    }

    @Test
    void pathSegments() {
        assertEquals(List.of(), ExtensionsServlet.segments(null));
        assertEquals(List.of(), ExtensionsServlet.segments("/"));
        assertEquals(List.of("text-tools"), ExtensionsServlet.segments("/text-tools"));
        assertEquals(List.of("text-tools", "execute"), ExtensionsServlet.segments("/text-tools/execute/"));
    }

    @Test
    void refusedRecordsBecome422ProblemsWithTheReasonCodeAndTheRecord() throws Exception {
        DeploymentRecord record = new DeploymentRecord("a1", Instant.parse("2026-11-22T00:00:00Z"),
                DeploymentSource.REST, "evil.jar", "ab", DeploymentOutcome.REFUSED, null, null, null,
                "[unsigned] the jar is not signed; sign it");

        HostProblem problem = DeploymentResponses.problemOf(record);

        assertEquals("{\"type\":\"urn:palisade:problem:deployment-refused\",\"title\":\"Deployment refused\","
                + "\"status\":422,\"detail\":\"evil.jar: the jar is not signed; sign it\",\"reason\":\"unsigned\","
                + "\"deployment\":{\"attemptId\":\"a1\",\"at\":\"2026-11-22T00:00:00Z\",\"source\":\"REST\","
                + "\"fileName\":\"evil.jar\",\"sha256\":\"ab\",\"outcome\":\"REFUSED\",\"extensionId\":null,"
                + "\"extensionName\":null,\"version\":null,\"reason\":\"[unsigned] the jar is not signed; sign it\"}}",
                Json.mapper().writeValueAsString(Problems.document(problem)));
    }

    @Test
    void failedRecordsAreDeploymentFailed() {
        DeploymentRecord record = new DeploymentRecord("a1", Instant.EPOCH, DeploymentSource.REST, "x.jar", "ab",
                DeploymentOutcome.FAILED, "id", "x", "1.0.0", "[constructor-failed] boom");
        HostProblem problem = DeploymentResponses.problemOf(record);
        assertEquals("deployment-failed", problem.type());
        assertEquals("constructor-failed", problem.properties().get("reason"));
        assertEquals("1.0.0", ((Map<?, ?>) problem.properties().get("deployment")).get("version"));
        assertEquals("x.jar: boom", problem.detail());
    }

    @Test
    void statusOfSuccessfulRecords() {
        assertEquals(201, DeploymentResponses.statusOf(record(DeploymentOutcome.DEPLOYED, "[deployed] x")));
        assertEquals(200, DeploymentResponses.statusOf(record(DeploymentOutcome.DEPLOYED, "[unchanged] x")));
        assertEquals(200, DeploymentResponses.statusOf(record(DeploymentOutcome.REPLACED, "[replaced] x")));
    }

    private static DeploymentRecord record(DeploymentOutcome outcome, String reason) {
        return new DeploymentRecord("a", Instant.EPOCH, DeploymentSource.REST, "x.jar", "ab", outcome, "id", "x",
                "1.0.0", reason);
    }
}
