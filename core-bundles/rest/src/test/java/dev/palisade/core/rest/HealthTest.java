package dev.palisade.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostStatus;
import dev.palisade.web.Json;

class HealthTest {

    private static HostStatus status(boolean ready) {
        return new HostStatus() {
            @Override
            public boolean ready() {
                return ready;
            }

            @Override
            public Instant startedAt() {
                return Instant.parse("2026-11-22T01:02:03Z");
            }

            @Override
            public String version() {
                return "0.1.0";
            }
        };
    }

    @Test
    void startingWithoutStatusService() throws Exception {
        HealthServlet.Health health = HealthServlet.Health.of(null);
        assertEquals(503, health.httpStatus());
        assertEquals("{\"status\":\"starting\"}", Json.mapper().writeValueAsString(health.body()));
    }

    @Test
    void startingUntilReady() throws Exception {
        assertEquals(503, HealthServlet.Health.of(status(false)).httpStatus());
    }

    @Test
    void readyNamesVersionAndStart() throws Exception {
        HealthServlet.Health health = HealthServlet.Health.of(status(true));
        assertEquals(200, health.httpStatus());
        assertEquals("{\"status\":\"ready\",\"version\":\"0.1.0\",\"startedAt\":\"2026-11-22T01:02:03Z\"}",
                Json.mapper().writeValueAsString(health.body()));
    }
}
