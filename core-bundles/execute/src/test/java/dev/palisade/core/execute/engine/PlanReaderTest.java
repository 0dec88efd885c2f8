package dev.palisade.core.execute.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class PlanReaderTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> violations(HostProblem p) {
        return (List<Map<String, Object>>) p.properties().get("violations");
    }

    @Test
    void aCycleIsRefusedNamingTheRule() {
        HostProblem p = assertThrows(HostProblem.class, () -> Plans.of("sequential").task("a").task("b")
                .depends("a", "b", "finish_to_start").depends("b", "a", "start_to_start").model());
        assertEquals(400, p.status());
        assertEquals("schema-violation", p.type());
        assertEquals(List.of(Map.of("field", "/dependencies", "rule", "acyclic", "message",
                "the dependencies (with the tasks conditions name) form a cycle, so no task order exists")),
                violations(p));
    }

    @Test
    void everyBrokenFieldIsNamed() {
        Map<String, Object> plan = Plans.of("parallel")
                .task("a", Map.of("condition", Map.of("task", Plans.id("b"), "status", "completed")))
                .task("b", Map.of("method", 7)).task("c", Map.of("rollback", Map.of("input", Map.of())))
                .depends("a", "z", "finish_to_start").handling("retry_count", 11).handling("on_failure", "shrug")
                .plan();
        HostProblem p = assertThrows(HostProblem.class, () -> PlanReader.read(plan));
        assertEquals(List.of("/tasks/0/condition strategy", "/tasks/1/method type", "/tasks/2/rollback required", "/dependencies/0/to_task exists",
                "/workflow/error_handling/retry_count range", "/workflow/error_handling/on_failure enum"),
                violations(p).stream().map(v -> v.get("field") + " " + v.get("rule")).sorted(
                        java.util.Comparator.comparing(s -> List.of("/tasks", "/dependencies", "/workflow").indexOf(
                                s.substring(0, s.indexOf('/', 1))))).toList());
    }

    @Test
    void aPlanThatBreaksTheMplpSchemaIsRefusedFirst() {
        Map<String, Object> plan = Plans.of("sequential").task("a").plan();
        plan.remove("name");
        HostProblem p = assertThrows(HostProblem.class, () -> PlanReader.read(plan));
        assertEquals("required", violations(p).get(0).get("rule"));
    }

    @Test
    void theRunOrderIsTopologicalWithTiesInPlanOrder() {
        PlanModel m = Plans.of("sequential").task("a").task("b").task("c").depends("c", "a", "finish_to_finish")
                .model();
        assertEquals(List.of("b", "c", "a"), m.tasks().stream().map(TaskSpec::name).toList());
        assertEquals(ErrorPolicy.DEFAULT, m.errorPolicy());
    }
}
