package dev.palisade.core.plan.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.plan.PlanChanges;
import dev.palisade.core.plan.PlanDelegations;
import dev.palisade.core.plan.PlanService;
import dev.palisade.core.plan.PlanValidation;
import dev.palisade.core.plan.schedule.Timeline;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.QueryValues;
import dev.palisade.protocol.Routes;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Json;
import dev.palisade.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/v1/mplp/plans}: GET lists ({@code ?name=&limit=&offset=}), POST creates (201);
 * {@code /plans/{id}}: GET, PUT (replace), DELETE (answers the removed plan); {@code /plans/{id}/tasks}: POST
 * adds a task (201); {@code /plans/{id}/tasks/{taskId}}: PUT replaces, DELETE removes it and its dependencies;
 * {@code /plans/{id}/dependencies}: POST adds one (201), DELETE removes those named by {@code from_task},
 * {@code to_task} and optionally {@code type}, in the query or a JSON body; {@code /plans/{id}/validate},
 * {@code /optimize}, {@code /execute} (202), {@code /export}: POST; {@code /plans/{id}/status}: GET. Writes
 * answer the whole plan as stored.
 */
public final class PlansServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;

    /** The largest request body. */
    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private final transient PlanService plans;
    private final transient PlanValidation validation;
    private final transient PlanDelegations delegations;
    private final transient Routes routes;

    public PlansServlet(PlanService plans, PlanValidation validation, PlanDelegations delegations) {
        this.plans = plans;
        this.validation = validation;
        this.delegations = delegations;
        this.routes = Routes.builder()
                .on("GET", "/", (v, req, resp) -> list(req, resp))
                .on("POST", "/", (v, req, resp) -> created(resp, plans.create(object(req))))
                .on("GET", "/{id}", (v, req, resp) -> writeJson(resp, 200, plans.get(v.get("id"))))
                .on("PUT", "/{id}", (v, req, resp) -> writeJson(resp, 200, plans.replace(v.get("id"), object(req))))
                .on("DELETE", "/{id}", (v, req, resp) -> writeJson(resp, 200, plans.delete(v.get("id"))))
                .on("POST", "/{id}/tasks", (v, req, resp) -> writeJson(resp, 201,
                        plans.change(v.get("id"), PlanChanges.addTask(object(req)))))
                .on("PUT", "/{id}/tasks/{taskId}", (v, req, resp) -> writeJson(resp, 200,
                        plans.change(v.get("id"), PlanChanges.replaceTask(v.get("taskId"), object(req)))))
                .on("DELETE", "/{id}/tasks/{taskId}", (v, req, resp) -> writeJson(resp, 200,
                        plans.change(v.get("id"), PlanChanges.removeTask(v.get("taskId")))))
                .on("POST", "/{id}/dependencies", (v, req, resp) -> writeJson(resp, 201,
                        plans.change(v.get("id"), PlanChanges.addDependency(object(req)))))
                .on("DELETE", "/{id}/dependencies", (v, req, resp) -> removeDependency(v.get("id"), req, resp))
                .on("POST", "/{id}/validate", (v, req, resp) -> writeJson(resp, 200,
                        validation.report(plans.load(v.get("id")).plan())))
                .on("POST", "/{id}/optimize", (v, req, resp) -> writeJson(resp, 200,
                        Timeline.of(plans.load(v.get("id")).plan()).toJson(v.get("id"))))
                .on("POST", "/{id}/execute", (v, req, resp) -> writeJson(resp, 202,
                        delegations.execute(plans.get(v.get("id")), JsonColumns.map(optionalObject(req)))))
                .on("GET", "/{id}/status", (v, req, resp) -> {
                    plans.load(v.get("id"));
                    writeJson(resp, 200, delegations.status(v.get("id")));
                })
                .on("POST", "/{id}/export", (v, req, resp) -> export(v.get("id"), req, resp))
                .build();
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long limit = QueryValues.number(request, "limit", 100, 1, 1000);
        long offset = QueryValues.number(request, "offset", 0, 0, Integer.MAX_VALUE);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plans", plans.list(request.getParameter("name"), limit, offset));
        out.put("limit", limit);
        out.put("offset", offset);
        writeJson(response, 200, out);
    }

    private static void created(HttpServletResponse response, Map<String, Object> plan) throws IOException {
        response.setHeader("Location", "/api/v1/mplp/plans/" + plan.get("id"));
        writeJson(response, 201, plan);
    }

    private void removeDependency(String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonNode named = optionalObject(request);
        for (String field : new String[] {"from_task", "to_task"}) {
            if (request.getParameter(field) != null) {
                ((ObjectNode) named).put(field, request.getParameter(field));
            }
        }
        String type = request.getParameter("type") != null ? request.getParameter("type")
                : named.path("type").textValue();
        writeJson(response, 200, plans.change(id, PlanChanges.removeDependency(required(named, "from_task"),
                required(named, "to_task"), type)));
    }

    private void export(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = object(request);
        String adapter = required(body, "adapter");
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isObject()) {
            throw ProtocolProblems.invalid("the export request is invalid", "/options", "type",
                    "'options' must be an object (what the adapter needs for this export)");
        }
        writeJson(response, 200, delegations.export(plans.get(id), adapter,
                options.isObject() ? JsonColumns.map(options) : Map.of()));
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ProtocolProblems.invalid("the request is missing a field", "/" + field, "required",
                    "'" + field + "' is required, as a non-empty string");
        }
        return value.asText();
    }

    private static ObjectNode object(HttpServletRequest request) throws IOException {
        return (ObjectNode) RequestBodies.readJsonObject(request, MAX_BODY_BYTES);
    }

    /** @return the body's JSON object, or an empty object for an empty body */
    private static ObjectNode optionalObject(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.readBytes(request.getInputStream(), MAX_BODY_BYTES);
        if (body.length == 0) {
            return Json.mapper().createObjectNode();
        }
        if (!(RequestBodies.parseJson(body) instanceof ObjectNode object)) {
            throw new HostProblem(400, "malformed-json", "Malformed JSON body",
                    "the request body is not a JSON object; send a JSON object or no body", Map.of());
        }
        return object;
    }
}
