package dev.palisade.core.extension.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.permission.InvalidPermissionException;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the body of {@code POST .../grant}: empty (or {@code {}}) approves everything pending;
 * {@code {"permissions": [{"permission": "net.connect", "target": "api.example.org:443"}, ...]}} approves
 * those. Stateless.
 */
final class GrantRequests {

    static final long MAX_BYTES = 64 * 1024;

    private GrantRequests() {
    }

    /**
     * @return the permissions to approve, or {@code null} for everything pending
     * @throws HostProblem 400 {@code invalid-request} naming the malformed entry by JSON pointer
     */
    static List<Permission> read(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.readBytes(request.getInputStream(), MAX_BYTES);
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return parse(RequestBodies.parseJson(body));
    }

    /** @see #read */
    static List<Permission> parse(JsonNode body) {
        if (!body.isObject()) {
            throw invalid("/", "the body must be a JSON object: {\"permissions\": [...]}, or empty to approve"
                    + " everything pending");
        }
        JsonNode list = body.get("permissions");
        if (list == null || list.isNull()) {
            if (body.size() > 0) {
                throw invalid("/", "the body has no \"permissions\" array; send {\"permissions\": [{\"permission\":"
                        + " \"file.read\", \"target\": \"reports/**\"}]}, or an empty body to approve everything pending");
            }
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw invalid("/permissions", "must be a non-empty array of {\"permission\": ..., \"target\": ...};"
                    + " send an empty body to approve everything pending");
        }
        List<Permission> permissions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            JsonNode kind = entry.get("permission");
            JsonNode target = entry.get("target");
            if (!entry.isObject() || kind == null || !kind.isTextual() || (target != null && !target.isTextual())) {
                throw invalid("/permissions/" + i, "must be {\"permission\": \"<kind>\", \"target\": \"<target>\"}"
                        + " with string values");
            }
            try {
                permissions.add(Permission.parse(kind.asText(), target == null ? null : target.asText()));
            } catch (InvalidPermissionException e) {
                throw invalid("/permissions/" + i, e.getMessage());
            }
        }
        return permissions;
    }

    private static HostProblem invalid(String pointer, String message) {
        return new HostProblem(400, "invalid-request", "Invalid request", pointer + ": " + message,
                Map.of("pointer", pointer));
    }
}
