package dev.palisade.core.context;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.QueryValues;
import dev.palisade.protocol.RequestJson;
import dev.palisade.protocol.Routes;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/mplp/contexts}: GET lists ({@code ?status=&lifecycle_stage=&limit=}), POST creates;
 * {@code /{id}}: GET, PUT (replace the content), PATCH (JSON Merge Patch), DELETE; {@code /{id}/status}:
 * POST {@code {status?, lifecycle_stage?, reason}}; {@code /{id}/history}: GET; {@code /{id}/variables}:
 * GET; {@code /{id}/variables/{key}}: GET, PUT (the body is the value), DELETE; {@code /{id}/snapshots}:
 * GET, POST {@code {label?}}; {@code /{id}/restore}: POST {@code {snapshot_id}}; {@code /{id}/sync}: GET
 * {@code ?since=<revision>}. JSON in and out; errors are problem+json.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/mplp/contexts/*",
        "osgi.http.whiteboard.servlet.name=palisade-contexts" })
public final class ContextsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    /** The largest request body: a context or one variable's value. */
    static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

    private static final Set<String> STATUSES = Set.of("active", "suspended", "completed", "failed");
    private static final Set<String> STAGES = Set.of("planning", "execution", "validation", "completion");

    @Reference
    private transient ContextService contexts;

    private final transient Routes routes = Routes.builder()
            .on("GET", "/", (p, rq, rs) -> writeJson(rs, 200, Map.of("contexts", contexts.list(
                    QueryValues.oneOf(rq, "status", STATUSES), QueryValues.oneOf(rq, "lifecycle_stage", STAGES),
                    (int) QueryValues.number(rq, "limit", 100, 1, 1000)))))
            .on("POST", "/", (p, rq, rs) -> created(rs, contexts.create(object(rq))))
            .on("GET", "/{id}", (p, rq, rs) -> writeJson(rs, 200, contexts.get(p.get("id"))))
            .on("PUT", "/{id}", (p, rq, rs) -> writeJson(rs, 200, contexts.replace(p.get("id"), object(rq))))
            .on("PATCH", "/{id}", (p, rq, rs) -> writeJson(rs, 200, contexts.patch(p.get("id"), object(rq))))
            .on("DELETE", "/{id}", (p, rq, rs) -> {
                contexts.delete(p.get("id"));
                rs.setStatus(204);
            })
            .on("POST", "/{id}/status", (p, rq, rs) -> writeJson(rs, 200,
                    contexts.changeState(p.get("id"), object(rq))))
            .on("GET", "/{id}/history", (p, rq, rs) -> writeJson(rs, 200,
                    Map.of("id", p.get("id"), "history", contexts.history(p.get("id")))))
            .on("GET", "/{id}/variables", (p, rq, rs) -> writeJson(rs, 200,
                    contexts.sharedState().variables(p.get("id"))))
            .on("GET", "/{id}/variables/{key}", (p, rq, rs) -> writeJson(rs, 200,
                    contexts.sharedState().variable(p.get("id"), p.get("key"))))
            .on("PUT", "/{id}/variables/{key}", (p, rq, rs) -> {
                SharedState.VariableWrite write = contexts.sharedState().putVariable(p.get("id"), p.get("key"),
                        RequestBodies.readJson(rq, MAX_BODY_BYTES));
                writeJson(rs, write.created() ? 201 : 200, write.answer());
            })
            .on("DELETE", "/{id}/variables/{key}", (p, rq, rs) -> {
                contexts.sharedState().deleteVariable(p.get("id"), p.get("key"));
                rs.setStatus(204);
            })
            .on("GET", "/{id}/snapshots", (p, rq, rs) -> writeJson(rs, 200,
                    Map.of("id", p.get("id"), "snapshots", contexts.sharedState().snapshots(p.get("id")))))
            .on("POST", "/{id}/snapshots", (p, rq, rs) -> writeJson(rs, 201, contexts.sharedState()
                    .snapshot(p.get("id"), RequestJson.optionalText(RequestJson.optionalObject(rq, MAX_BODY_BYTES),
                            "label"))))
            .on("POST", "/{id}/restore", (p, rq, rs) -> writeJson(rs, 200, contexts.sharedState()
                    .restore(p.get("id"), RequestJson.requiredText(object(rq), "snapshot_id"))))
            .on("GET", "/{id}/sync", (p, rq, rs) -> writeJson(rs, 200, contexts.sharedState().sync(p.get("id"),
                    rq.getParameter("since") == null ? null
                            : QueryValues.number(rq, "since", 0, 0, Long.MAX_VALUE))))
            .build();

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private static JsonNode object(HttpServletRequest request) throws IOException {
        return RequestBodies.readJsonObject(request, MAX_BODY_BYTES);
    }

    private static void created(HttpServletResponse response, Map<String, Object> context) throws IOException {
        response.setHeader("Location", "/api/v1/mplp/contexts/" + context.get("id"));
        writeJson(response, 201, context);
    }
}
