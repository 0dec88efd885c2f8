package dev.palisade.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostStatus;
import dev.palisade.host.bridge.StoreStatus;
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
        HealthServlet.Health health = HealthServlet.Health.of(null, null);
        assertEquals(503, health.httpStatus());
        assertEquals("{\"status\":\"starting\"}", Json.mapper().writeValueAsString(health.body()));
    }

    @Test
    void startingUntilReady() throws Exception {
        assertEquals(503, HealthServlet.Health.of(status(false), null).httpStatus());
    }

    @Test
    void readyNamesVersionAndStart() throws Exception {
        HealthServlet.Health health = HealthServlet.Health.of(status(true), null);
        assertEquals(200, health.httpStatus());
        assertEquals("{\"status\":\"ready\",\"version\":\"0.1.0\",\"startedAt\":\"2026-11-22T01:02:03Z\"}",
                Json.mapper().writeValueAsString(health.body()));
    }

    @Test
    void readyWithTheStoreUp() throws Exception {
        HealthServlet.Health health = HealthServlet.Health.of(status(true),
                new StoreStatus(true, "H2", "jdbc:h2:file:/p/data/db/palisade", 3, null));
        assertEquals(200, health.httpStatus());
        assertEquals("{\"status\":\"ready\",\"version\":\"0.1.0\",\"startedAt\":\"2026-11-22T01:02:03Z\","
                + "\"store\":{\"status\":\"up\",\"database\":\"H2\"}}", Json.mapper().writeValueAsString(health.body()));
    }

    @Test
    void storeDownIs503WithItsProblem() throws Exception {
        HealthServlet.Health health = HealthServlet.Health.of(status(true),
                new StoreStatus(false, "POSTGRESQL", "jdbc:postgresql://db/p", 3000, "the database is unreachable"));
        assertEquals(503, health.httpStatus());
        assertEquals("{\"status\":\"store-unavailable\",\"version\":\"0.1.0\",\"startedAt\":\"2026-11-22T01:02:03Z\","
                + "\"store\":{\"status\":\"down\",\"database\":\"POSTGRESQL\",\"problem\":\"the database is unreachable\"}}",
                Json.mapper().writeValueAsString(health.body()));
    }
}
