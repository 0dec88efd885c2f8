package dev.palisade.samples.riskpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.api.extension.PolicyDecision;

class RiskPolicyTest {

    private final RiskPolicy policy = new RiskPolicy();

    private static Map<String, Object> confirmation(Object risk) {
        return Map.of("criteria", Map.of("thresholds", Map.of("risk", risk)));
    }

    @Test
    void autoDecidesOnlyLowRisk() {
        PolicyDecision low = policy.decide("confirmation.auto_decide", confirmation("low"), null);
        assertTrue(low.allowed());
        assertEquals(List.of("record:auto-decision"), low.obligations());

        PolicyDecision high = policy.decide("confirmation.auto_decide", confirmation("high"), null);
        assertFalse(high.allowed());
        assertEquals("criteria.thresholds.risk is 'high'; only low-risk confirmations are decided automatically, a"
                + " person must decide this one", high.reason());
        assertEquals("criteria.thresholds.risk is not set; only low-risk confirmations are decided automatically, a"
                + " person must decide this one", policy.decide("confirmation.auto_decide", Map.of(), null).reason());
    }

    @Test
    void gatesPlansOnTaskNamesAndCount() {
        Map<String, Object> named = Map.of("tasks", List.of(Map.of("id", "t1", "name", "build")));
        assertEquals("1 named tasks, at most 20", policy.decide("plan.quality_gate", named, null).reason());

        Map<String, Object> unnamed = Map.of("tasks", List.of(Map.of("id", "t1", "name", "build"),
                Map.of("id", "t2", "name", "")));
        PolicyDecision denied = policy.decide("plan.quality_gate", unnamed, null);
        assertFalse(denied.allowed());
        assertEquals("task 1 (t2) has no name; name every task", denied.reason());

        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(Map.of("name", "t" + i));
        }
        assertEquals("the plan has 21 tasks; split it into plans of at most 20",
                policy.decide("plan.quality_gate", Map.of("tasks", many), null).reason());
    }
}
