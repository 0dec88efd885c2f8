package dev.palisade.samples.riskpolicy;

import java.util.List;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Policy;
import dev.palisade.api.extension.PolicyDecision;

/**
 * Two questions. {@code confirmation.auto_decide}: allowed when the confirmation's
 * {@code criteria.thresholds.risk} is {@code "low"}, with the obligation {@code record:auto-decision}; denied
 * otherwise, naming the risk found. {@code plan.quality_gate}: allowed when the plan has at most
 * {@value #MAX_TASKS} tasks and every task has a non-blank name; denied otherwise, naming the first task
 * without one. Stateless and thread-safe.
 */
public final class RiskPolicy implements Policy {

    /** The most tasks a plan may have to pass the quality gate. */
    static final int MAX_TASKS = 20;

    @Override
    public PolicyDecision decide(String question, Map<String, Object> subject, InvocationContext context) {
        if ("confirmation.auto_decide".equals(question)) {
            return autoDecide(subject);
        }
        return qualityGate(subject);
    }

    private static PolicyDecision autoDecide(Map<String, Object> confirmation) {
        Object risk = field(field(confirmation.get("criteria"), "thresholds"), "risk");
        if ("low".equals(risk)) {
            return PolicyDecision.allow("criteria.thresholds.risk is low", List.of("record:auto-decision"));
        }
        return PolicyDecision.deny("criteria.thresholds.risk is " + (risk == null ? "not set" : "'" + risk + "'")
                + "; only low-risk confirmations are decided automatically, a person must decide this one");
    }

    private static PolicyDecision qualityGate(Map<String, Object> plan) {
        List<?> tasks = plan.get("tasks") instanceof List<?> list ? list : List.of();
        if (tasks.size() > MAX_TASKS) {
            return PolicyDecision.deny("the plan has " + tasks.size() + " tasks; split it into plans of at most "
                    + MAX_TASKS);
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (!(field(tasks.get(i), "name") instanceof String name) || name.isBlank()) {
                Object id = field(tasks.get(i), "id");
                return PolicyDecision.deny("task " + i + (id == null ? "" : " (" + id + ")") + " has no name; name"
                        + " every task");
            }
        }
        return PolicyDecision.allow(tasks.size() + " named tasks, at most " + MAX_TASKS);
    }

    private static Object field(Object object, String name) {
        return object instanceof Map<?, ?> map ? map.get(name) : null;
    }
}
