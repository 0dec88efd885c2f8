package dev.palisade.core.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HookVerdict;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;

class ExecuteEngineTest {

    private static final String CONTEXT_ID = "0b6c1f0e-5a8e-4c1f-9d2a-3e4f5a6b7c8d";
    private static final String PLAN_ID = "7d3e2a1b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

    @Test
    void thePoolSizeComesFromTheFrameworkPropertyOrDefaultsToEight() {
        assertEquals(8, ExecuteEngine.threads(null));
        assertEquals(3, ExecuteEngine.threads(" 3 "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ExecuteEngine.threads("0"));
        assertEquals("palisade.execute.threads must be a whole number from 1 to 256, was '0'; fix it in "
                + "etc/palisade.properties", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExecuteEngine.threads("many"));
    }

    @Test
    void aVetoOfExecutionStartAnswersTheProtocolModulesVetoProblemAndTellsNoAfterHook() {
        List<String> afterEvents = new ArrayList<>();
        ExecuteEngine engine = new ExecuteEngine();
        engine.contexts = id -> Optional.of(Map.of("context_id", id));
        engine.hooks = new LifecycleHooks() {
            public HookVerdict before(String event, Map<String, Object> payload) {
                return new HookVerdict(true, "freeze-window", "no executions during the freeze", payload);
            }

            public void after(String event, Map<String, Object> payload) {
                afterEvents.add(event);
            }
        };
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", PLAN_ID);
        plan.put("name", "empty plan");
        plan.put("tasks", List.of());
        plan.put("workflow", Map.of("execution_strategy", "sequential"));

        HostProblem veto = assertThrows(HostProblem.class, () -> engine.start(plan, Map.of("context_id", CONTEXT_ID)));

        assertEquals(409, veto.status());
        assertEquals("vetoed-by-hook", veto.type());
        assertEquals("the hook extension 'freeze-window' vetoed execution.start of plan " + PLAN_ID
                + ": no executions during the freeze; change the request so that the hook's rule holds, or remove "
                + "the hook", veto.detail());
        assertEquals(Map.of("event", "execution.start", "hook", "freeze-window", "reason",
                "no executions during the freeze"), veto.properties());
        assertEquals(List.of(), afterEvents);
    }
}
