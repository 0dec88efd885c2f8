package dev.palisade.core.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.host.bridge.AuditCheck;
import dev.palisade.host.bridge.AuditReceipt;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Json;
import dev.palisade.web.Problems;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit log's loopback admin resources (HTTP binds 127.0.0.1 only):
 * <ul>
 * <li>{@code GET /api/v1/admin/audit/verify}: walks the chain in one snapshot and answers 200 with
 * {@code entriesChecked}, {@code headSeq}, {@code brokenSeq} and {@code brokenKind} (null when intact),
 * {@code description} (one line) and {@code intact}.</li>
 * <li>{@code POST /api/v1/admin/audit} with {@code {"actor":…,"action":…,"target":…,"details":{…}}}:
 * appends one entry and answers 201 {@code {"seq":…,"at":…,"hash":…}} once it is committed.</li>
 * </ul>
 * A store that is down answers 503 {@code store-unavailable} within its fail-fast timeout.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/admin/audit/*",
        "osgi.http.whiteboard.servlet.name=palisade-admin-audit" })
public final class AuditAdminServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    static final String BASE = "/api/v1/admin/audit";
    private static final long MAX_BODY = 64 * 1024;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StoreAdmin store;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        if (path.equals(BASE + "/verify")) {
            if (!"GET".equals(request.getMethod())) {
                throw Problems.methodNotAllowed(request.getMethod(), path, "GET");
            }
            writeJson(response, 200, body(StoreAdmins.require(store).verifyAudit()));
        } else if (path.equals(BASE) || path.equals(BASE + "/")) {
            if (!"POST".equals(request.getMethod())) {
                throw Problems.methodNotAllowed(request.getMethod(), path, "POST");
            }
            JsonNode event = RequestBodies.readJsonObject(request, MAX_BODY);
            StoreAdmin admin = StoreAdmins.require(store);
            AuditReceipt receipt = admin.appendAudit(text(event, "actor"), text(event, "action"), text(event, "target"),
                    details(event));
            writeJson(response, 201, receipt);
        } else {
            throw Problems.noResource(request.getMethod(), path);
        }
    }

    static Map<String, Object> body(AuditCheck check) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", check.intact());
        body.put("entriesChecked", check.entriesChecked());
        body.put("headSeq", check.headSeq());
        body.put("brokenSeq", check.brokenSeq());
        body.put("brokenKind", check.brokenKind());
        body.put("description", check.description());
        return body;
    }

    private static String text(JsonNode event, String field) {
        JsonNode v = event.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new HostProblem(400, "store-input", "Value does not fit the store",
                    "[" + field + "] must be a string, was " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    Map.of("field", field));
        }
        return v.asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> details(JsonNode event) {
        JsonNode v = event.get("details");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new HostProblem(400, "store-input", "Value does not fit the store",
                    "[details] must be a JSON object", Map.of("field", "details"));
        }
        return Json.mapper().convertValue(v, Map.class);
    }
}
