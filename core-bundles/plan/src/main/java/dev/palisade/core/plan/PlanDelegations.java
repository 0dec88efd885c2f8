package dev.palisade.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.palisade.host.bridge.AdapterCalls;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.PlanExecutions;

/**
 * What the plan module hands to other modules: running a plan (the execute module's
 * {@link PlanExecutions}) and exporting it through an adapter (the extension module's
 * {@link AdapterCalls}). Either may be absent: the call is then a 503 {@code module-unavailable} naming the
 * missing module. Thread-safe.
 */
public final class PlanDelegations {

    private final Supplier<PlanExecutions> executions;
    private final Supplier<AdapterCalls> adapters;

    public PlanDelegations(Supplier<PlanExecutions> executions, Supplier<AdapterCalls> adapters) {
        this.executions = executions;
        this.adapters = adapters;
    }

    /** @return the started execution, as the execute module answers it */
    public Map<String, Object> execute(Map<String, Object> plan, Map<String, Object> request) {
        return require(executions.get(), "execute", "run plans").start(plan, request);
    }

    /** @return {@code {plan_id, execution}}; {@code execution} is {@code null} when the plan never ran */
    public Map<String, Object> status(String planId) {
        Optional<Map<String, Object>> latest = require(executions.get(), "execute", "report plan executions")
                .latest(planId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plan_id", planId);
        out.put("execution", latest.orElse(null));
        return out;
    }

    /** @return {@code {plan_id, adapter, result}} with what the adapter reported */
    public Map<String, Object> export(Map<String, Object> plan, String adapter, Map<String, Object> options) {
        Map<String, Object> result = require(adapters.get(), "extension", "call adapters")
                .export(adapter, "plan", plan, options);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plan_id", plan.get("id"));
        out.put("adapter", adapter);
        out.put("result", result);
        return out;
    }

    private static <T> T require(T service, String module, String purpose) {
        if (service == null) {
            throw new HostProblem(503, "module-unavailable", "Module unavailable", "the " + module
                    + " module, which is needed to " + purpose + ", is not running; start the host with the"
                    + " palisade-protocol feature or try again once it has started", Map.of("module", module));
        }
        return service;
    }
}
