package dev.palisade.core.extension.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.web.Json;

class GrantRequestsTest {

    private static List<Permission> parse(String json) throws Exception {
        return GrantRequests.parse(Json.mapper().readTree(json));
    }

    @Test
    void anEmptyObjectApprovesEverythingPending() throws Exception {
        assertNull(parse("{}"));
    }

    @Test
    void aListApprovesThosePermissions() throws Exception {
        assertEquals(List.of(Permission.parse("net.connect", "127.0.0.1:8080"), Permission.parse("thread.create", null)),
                parse("{\"permissions\": [{\"permission\": \"net.connect\", \"target\": \"127.0.0.1:8080\"},"
                        + " {\"permission\": \"thread.create\"}]}"));
    }

    @Test
    void malformedEntriesAreNamedByPointer() {
        HostProblem bad = assertThrows(HostProblem.class,
                () -> parse("{\"permissions\": [{\"permission\": \"thread.create\"}, {\"permission\": 3}]}"));
        assertEquals(400, bad.status());
        assertEquals("/permissions/1: must be {\"permission\": \"<kind>\", \"target\": \"<target>\"} with string values",
                bad.detail());
        HostProblem missing = assertThrows(HostProblem.class, () -> parse("{\"perms\": []}"));
        assertEquals("/: the body has no \"permissions\" array; send {\"permissions\": [{\"permission\": \"file.read\","
                + " \"target\": \"reports/**\"}]}, or an empty body to approve everything pending", missing.detail());
        HostProblem empty = assertThrows(HostProblem.class, () -> parse("{\"permissions\": []}"));
        assertEquals("/permissions: must be a non-empty array of {\"permission\": ..., \"target\": ...}; send an empty"
                + " body to approve everything pending", empty.detail());
    }
}
