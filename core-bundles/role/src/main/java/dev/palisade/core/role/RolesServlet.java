package dev.palisade.core.role;

import java.io.IOException;
import java.util.Map;

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
 * {@code /api/v1/mplp/roles}: GET lists ({@code ?name_prefix=&limit=}), POST creates; {@code /{id}}: GET,
 * PUT (replace), DELETE; {@code /{id}/inherit}: POST {@code {parent_id, overrides?}};
 * {@code /{id}/effective}: GET the effective capabilities and permissions. JSON in and out; errors are
 * problem+json.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/mplp/roles/*",
        "osgi.http.whiteboard.servlet.name=palisade-roles" })
public final class RolesServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    /** The largest request body. */
    static final long MAX_BODY_BYTES = 1024L * 1024;

    @Reference
    private transient RoleService roles;

    private final transient Routes routes = Routes.builder()
            .on("GET", "/", (p, rq, rs) -> writeJson(rs, 200, Map.of("roles", roles.list(
                    rq.getParameter("name_prefix"), (int) QueryValues.number(rq, "limit", 100, 1, 1000)))))
            .on("POST", "/", (p, rq, rs) -> {
                Map<String, Object> role = roles.create(object(rq));
                rs.setHeader("Location", "/api/v1/mplp/roles/" + role.get("id"));
                writeJson(rs, 201, role);
            })
            .on("GET", "/{id}", (p, rq, rs) -> writeJson(rs, 200, roles.get(p.get("id"))))
            .on("PUT", "/{id}", (p, rq, rs) -> writeJson(rs, 200, roles.replace(p.get("id"), object(rq))))
            .on("DELETE", "/{id}", (p, rq, rs) -> {
                roles.delete(p.get("id"));
                rs.setStatus(204);
            })
            .on("POST", "/{id}/inherit", (p, rq, rs) -> {
                JsonNode body = object(rq);
                writeJson(rs, 200, roles.inherit(p.get("id"), RequestJson.requiredText(body, "parent_id"),
                        body.get("overrides")));
            })
            .on("GET", "/{id}/effective", (p, rq, rs) -> writeJson(rs, 200, roles.effective(p.get("id"))))
            .build();

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private static JsonNode object(HttpServletRequest request) throws IOException {
        return RequestBodies.readJsonObject(request, MAX_BODY_BYTES);
    }
}
