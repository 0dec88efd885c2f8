package dev.palisade.core.confirm;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.QueryValues;
import dev.palisade.protocol.Routes;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/mplp/confirmations}: GET lists newest first ({@code ?status=&target_id=&limit=}, limit 1 to
 * 1000, default 100), POST creates (201, {@code Location}); {@code /confirmations/{id}}: GET;
 * {@code /confirmations/{id}/decide}: POST {@code {approver_id, decision, comments?, signature}} answers the
 * confirmation after the decision; {@code /confirmations/approvers}: GET lists, POST registers
 * {@code {id, name, public_key}} (201); {@code /confirmations/approvers/{id}}: GET. Confirmation ids are
 * UUIDs, so {@code approvers} never names one.
 */
final class ConfirmationsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    /** The base path of the resources. */
    static final String BASE = "/api/v1/mplp/confirmations";

    /** The largest request body. */
    static final long MAX_BODY_BYTES = 1024L * 1024;

    private static final Set<String> STATUSES = Set.of("pending", "approved", "rejected", "expired");

    private final transient Routes routes;

    ConfirmationsServlet(ConfirmService service) {
        Confirmations confirmations = service.confirmations();
        Approvers approvers = service.approvers();
        this.routes = Routes.builder()
                .on("GET", "/approvers", (v, req, resp) -> writeJson(resp, 200, Map.of("approvers", approvers.list())))
                .on("POST", "/approvers", (v, req, resp) -> created(resp, BASE + "/approvers/",
                        approvers.register(body(req))))
                .on("GET", "/approvers/{id}", (v, req, resp) -> writeJson(resp, 200, approvers.get(v.get("id"))))
                .on("GET", "/", (v, req, resp) -> writeJson(resp, 200, Map.of("confirmations",
                        confirmations.list(QueryValues.oneOf(req, "status", STATUSES), req.getParameter("target_id"),
                                (int) QueryValues.number(req, "limit", 100, 1, 1000)))))
                .on("POST", "/", (v, req, resp) -> created(resp, BASE + "/", confirmations.create(body(req))))
                .on("GET", "/{id}", (v, req, resp) -> writeJson(resp, 200, confirmations.get(v.get("id"))))
                .on("POST", "/{id}/decide", (v, req, resp) -> writeJson(resp, 200,
                        service.decisions().decide(v.get("id"), DecisionRequest.parse(body(req)))))
                .build();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        return RequestBodies.readJsonObject(request, MAX_BODY_BYTES);
    }

    private static void created(HttpServletResponse response, String base, Map<String, Object> object)
            throws IOException {
        response.setHeader("Location", base + object.get("id"));
        writeJson(response, 201, object);
    }
}
