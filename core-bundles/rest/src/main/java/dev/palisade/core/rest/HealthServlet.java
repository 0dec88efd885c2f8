package dev.palisade.core.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.host.bridge.HostStatus;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Problems;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: 503 {@code {"status":"starting"}} while no {@link HostStatus} is registered or it
 * is not ready; 200 {@code {"status":"ready","version":"…","startedAt":"<ISO-8601>"}} once it is.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.servlet.name=palisade-health" })
public final class HealthServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HostStatus status;

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            throw Problems.methodNotAllowed(request.getMethod(), pathOf(request), "GET");
        }
        Health health = Health.of(status);
        writeJson(response, health.httpStatus(), health.body());
    }

    /** The health answer for a given status service (or none). */
    record Health(int httpStatus, Map<String, Object> body) {
        static Health of(HostStatus status) {
            if (status == null || !status.ready()) {
                return new Health(503, Map.of("status", "starting"));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ready");
            body.put("version", status.version());
            body.put("startedAt", status.startedAt());
            return new Health(200, body);
        }
    }
}
