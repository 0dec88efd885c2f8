package dev.palisade.samples.rulehook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.api.extension.HookDecision;

class RuleHookTest {

    private final RuleHook hook = new RuleHook();

    private HookDecision before(Map<String, Object> task) {
        return hook.before("task.execute", task, null);
    }

    @Test
    void vetoesAProductionTaskWithoutATicket() {
        HookDecision decision = before(Map.of("id", "t1", "name", "deploy", "target", "production"));
        assertEquals(HookDecision.Outcome.VETO, decision.outcome());
        assertEquals("task 'deploy' (t1) targets production without a change_ticket; add \"change_ticket\" naming"
                + " the approved change next to \"target\"", decision.reason());
    }

    @Test
    void vetoesProductionInTheTaskInputWithABlankTicket() {
        HookDecision decision = before(Map.of("id", "t1", "input", Map.of("target", "production",
                "change_ticket", " ")));
        assertEquals("task t1 has input targeting production without a change_ticket; add \"change_ticket\" naming"
                + " the approved change to its input", decision.reason());
    }

    @Test
    void readsTheTaskTheExecuteModuleNests() {
        HookDecision decision = before(Map.of("execution_id", "e1", "task", Map.of("id", "t2", "name", "ship",
                "input", Map.of("target", "production"))));
        assertEquals("task 'ship' (t2) has input targeting production without a change_ticket; add \"change_ticket\""
                + " naming the approved change to its input", decision.reason());
        assertSame(HookDecision.allow(), before(Map.of("task", Map.of("input", Map.of("target", "production",
                "change_ticket", "CHG-1")))));
    }

    @Test
    void allowsATicketedProductionTaskAndOtherTargetsUnchanged() {
        assertSame(HookDecision.allow(), before(Map.of("target", "production", "change_ticket", "CHG-42")));
        assertSame(HookDecision.allow(), before(Map.of("input", Map.of("target", "staging"))));
        assertSame(HookDecision.allow(), before(Map.of()));
    }
}
