package dev.palisade.core.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.palisade.core.execute.engine.PlanModel;
import dev.palisade.core.execute.engine.TaskSpec;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.ExtensionInfo;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.PolicyVerdict;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.protocol.ProtocolProblems;

/**
 * What must hold before an execution is stored: the context exists, every task's extension is a deployed,
 * serving plugin with the task's methods, and the {@code plan.quality_gate} policies allow the plan.
 * Stateless.
 */
final class StartChecks {

    private StartChecks() {
    }

    /**
     * @throws HostProblem 503 {@code module-unavailable} without the context module; 400
     *                     {@code schema-violation} for an unknown context
     */
    static void contextExists(Collaborators services, String contextId) {
        ProtocolObjects contexts = services.contexts();
        if (contexts == null) {
            throw new HostProblem(503, "module-unavailable", "Protocol module unavailable",
                    "the context module is not running, so context " + contextId + " cannot be checked; start it "
                            + "and execute again",
                    Map.of("module", "context"));
        }
        if (contexts.find(contextId).isEmpty()) {
            throw ProtocolProblems.invalid("the execute request is invalid", "/context_id", "exists",
                    "there is no context with id " + contextId + "; create it with POST /api/v1/mplp/contexts");
        }
    }

    /**
     * @throws HostProblem 409 {@code task-not-runnable} listing every task whose plugin cannot be called
     *                     ({@code tasks: [{task_id, extension, reason}]}); 503 without the extension module
     */
    static void pluginsServing(Collaborators services, PlanModel plan) {
        List<Map<String, Object>> refused = new ArrayList<>();
        ExtensionHost host = services.extensions();
        for (TaskSpec task : plan.tasks()) {
            if (!task.callsPlugin()) {
                continue;
            }
            if (host == null) {
                throw new HostProblem(503, "module-unavailable", "Protocol module unavailable",
                        "the extension module is not running, so task " + task.id() + " cannot call plugin "
                                + task.extension() + "; start it and execute again",
                        Map.of("module", "extension"));
            }
            String why = whyNot(host.extension(task.extension()), task);
            if (why != null) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("task_id", task.id());
                one.put("extension", task.extension());
                one.put("reason", why);
                refused.add(one);
            }
        }
        if (!refused.isEmpty()) {
            StringBuilder detail = new StringBuilder("the plan cannot run: ");
            for (int i = 0; i < refused.size(); i++) {
                Map<String, Object> r = refused.get(i);
                detail.append(i == 0 ? "" : "; ").append("task ").append(r.get("task_id")).append(": ")
                        .append(r.get("reason"));
            }
            throw new HostProblem(409, "task-not-runnable", "Task cannot run", detail.toString(),
                    Map.of("tasks", refused));
        }
    }

    private static String whyNot(Optional<ExtensionInfo> found, TaskSpec task) {
        if (found.isEmpty()) {
            return "extension " + task.extension() + " is not deployed; deploy it and execute again";
        }
        ExtensionInfo e = found.get();
        if (!"plugin".equals(e.type())) {
            return "extension " + task.extension() + " is a " + e.type() + ", not a plugin; a task calls plugins";
        }
        if ("pending".equals(e.state())) {
            return "extension " + task.extension() + " is pending approval of its permissions; approve with POST "
                    + "/api/v1/mplp/extensions/" + e.id() + "/grant";
        }
        if ("quarantined".equals(e.state())) {
            return "extension " + task.extension() + " is quarantined; release it with POST /api/v1/mplp/extensions/"
                    + e.id() + "/release";
        }
        if (!"active".equals(e.state())) {
            return "extension " + task.extension() + " is " + e.state() + ", not active";
        }
        for (String method : task.rollback() == null ? List.of(task.method())
                : List.of(task.method(), task.rollback().method())) {
            if (!e.methods().contains(method)) {
                return "extension " + task.extension() + " has no method " + method + "; its methods: " + e.methods();
            }
        }
        return null;
    }

    /** @throws HostProblem 409 {@code quality-gate-denied} naming the policy and its reason */
    static void qualityGate(Collaborators services, Map<String, Object> plan) {
        PolicyDecisions policies = services.policies();
        if (policies == null) {
            return;
        }
        PolicyVerdict verdict = policies.decide("plan.quality_gate", plan);
        if (verdict.denied()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("policy", verdict.policy());
            props.put("reason", verdict.reason());
            throw new HostProblem(409, "quality-gate-denied", "Plan refused by a policy",
                    "policy " + verdict.policy() + " denied plan " + plan.get("id") + " at the quality gate: "
                            + verdict.reason() + "; change the plan or the policy and execute again",
                    props);
        }
    }
}
