package dev.palisade.core.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.host.bridge.HostStatus;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.host.bridge.StoreStatus;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Problems;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: 503 {@code {"status":"starting"}} while no {@link HostStatus} is registered or it
 * is not ready; 200 {@code {"status":"ready","version":"…","startedAt":"<ISO-8601>","store":{…}}} once it
 * is. When the store's {@link StoreAdmin} is registered, each request probes it (within the store's
 * fail-fast timeout): while its database is down the answer is 503
 * {@code {"status":"store-unavailable",…,"store":{"status":"down","database":"H2","problem":"…"}}}, and 200
 * again as soon as it is back, without a restart.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.servlet.name=palisade-health" })
public final class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HostStatus status;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile StoreAdmin store;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            throw Problems.methodNotAllowed(request.getMethod(), pathOf(request), "GET");
        }
        HostStatus host = status;
        StoreAdmin admin = store;
        Health health = Health.of(host, host != null && host.ready() && admin != null ? admin.status() : null);
        writeJson(response, health.httpStatus(), health.body());
    }

    /** The health answer for a given status service (or none) and store probe (or none). */
    record Health(int httpStatus, Map<String, Object> body) {
        static Health of(HostStatus status, StoreStatus store) {
            if (status == null || !status.ready()) {
                return new Health(503, Map.of("status", "starting"));
            }
            boolean storeDown = store != null && !store.up();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", storeDown ? "store-unavailable" : "ready");
            body.put("version", status.version());
            body.put("startedAt", status.startedAt());
            if (store != null) {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("status", store.up() ? "up" : "down");
                part.put("database", store.database());
                if (storeDown) {
                    part.put("problem", store.problem());
                }
                body.put("store", part);
            }
            return new Health(storeDown ? 503 : 200, body);
        }
    }
}
