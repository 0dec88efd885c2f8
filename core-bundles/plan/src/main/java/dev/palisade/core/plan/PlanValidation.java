package dev.palisade.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.core.plan.check.PlanRules;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.PolicyVerdict;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.Violation;

/**
 * The report of {@code POST /plans/{id}/validate}: the plan against its MPLP schema and
 * {@link PlanRules}, then the policy quality gate ({@code PolicyDecisions.decide("plan.quality_gate",
 * plan)}); a deny makes the plan not valid (rule {@code quality-gate}). Warnings do not: a task without
 * {@code estimated_duration} (the timeline counts it as zero). Without a policy service, or when no policy
 * answers, the gate's decision is {@code none}. Counts each report as valid or invalid. Thread-safe.
 */
public final class PlanValidation {

    private final Supplier<PolicyDecisions> policies;
    private final Counters counters;

    /** @param policies the policy service, or a supplier of {@code null} while there is none */
    public PlanValidation(Supplier<PolicyDecisions> policies, Counters counters) {
        this.policies = policies;
        this.counters = counters;
    }

    /** @return {@code {plan_id, valid, violations, warnings, quality_gate}} */
    public Map<String, Object> report(JsonNode plan) {
        List<Violation> violations = new ArrayList<>(MplpSchemas.bundled().violations("plan", plan));
        violations.addAll(PlanRules.violations(plan));
        Map<String, Object> gate = qualityGate(plan);
        if ("deny".equals(gate.get("decision"))) {
            violations.add(new Violation("", "quality-gate", "the policy '" + gate.get("policy")
                    + "' denied the plan: " + gate.get("reason")));
        }
        List<Violation> warnings = new ArrayList<>();
        JsonNode tasks = plan.path("tasks");
        for (int i = 0; i < tasks.size(); i++) {
            if (!tasks.get(i).has("estimated_duration")) {
                warnings.add(new Violation("/tasks/" + i + "/estimated_duration", "default", "task '"
                        + tasks.get(i).path("name").asText() + "' has no estimated duration; the timeline counts"
                        + " it as zero"));
            }
        }
        boolean valid = violations.isEmpty();
        counters.add("palisade_plan_validations_total", "Plan validations, by result",
                Map.of("result", valid ? "valid" : "invalid"), 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plan_id", plan.path("id").asText());
        out.put("valid", valid);
        out.put("violations", rows(violations));
        out.put("warnings", rows(warnings));
        out.put("quality_gate", gate);
        return out;
    }

    private Map<String, Object> qualityGate(JsonNode plan) {
        PolicyDecisions decisions = policies.get();
        Map<String, Object> gate = new LinkedHashMap<>();
        if (decisions == null) {
            gate.put("decision", "none");
            gate.put("policy", null);
            gate.put("reason", "no policy service is running (the extension module is not started)");
            gate.put("obligations", List.of());
            return gate;
        }
        PolicyVerdict verdict = decisions.decide("plan.quality_gate", JsonColumns.map(plan));
        gate.put("decision", verdict.decision());
        gate.put("policy", verdict.policy());
        gate.put("reason", verdict.reason());
        gate.put("obligations", verdict.obligations() == null ? List.of() : verdict.obligations());
        return gate;
    }

    private static List<Map<String, Object>> rows(List<Violation> violations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Violation v : violations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("field", v.field());
            row.put("rule", v.rule());
            row.put("message", v.message());
            out.add(row);
        }
        return out;
    }
}
