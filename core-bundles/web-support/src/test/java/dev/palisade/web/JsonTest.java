package dev.palisade.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;

class JsonTest {

    @Test
    void recordsUseCamelCaseComponentsAndIsoInstants() throws Exception {
        DeploymentRecord record = new DeploymentRecord("a1", Instant.parse("2026-01-02T03:04:05.678Z"),
                DeploymentSource.REST, "x.jar", null, DeploymentOutcome.REFUSED, null, null, null, "[empty-file] e");

        assertEquals("{\"attemptId\":\"a1\",\"at\":\"2026-01-02T03:04:05.678Z\",\"source\":\"REST\","
                + "\"fileName\":\"x.jar\",\"sha256\":null,\"outcome\":\"REFUSED\",\"extensionId\":null,"
                + "\"extensionName\":null,\"version\":null,\"reason\":\"[empty-file] e\"}",
                Json.mapper().writeValueAsString(record));
    }
}
