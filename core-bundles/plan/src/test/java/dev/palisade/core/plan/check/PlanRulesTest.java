package dev.palisade.core.plan.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.Violation;
import dev.palisade.web.Json;

class PlanRulesTest {

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text.replace('\'', '"'));
    }

    private static String task(String id, String name) {
        return "{'id':'" + id + "','name':'" + name + "','type':'atomic'}";
    }

    private static String dep(String from, String to, String type) {
        return "{'from_task':'" + from + "','to_task':'" + to + "','type':'" + type + "'}";
    }

    private static JsonNode plan(String tasks, String deps) throws Exception {
        return json("{'id':'p','name':'n','tasks':[" + tasks + "],'dependencies':[" + deps + "]}");
    }

    @Test
    void aPlanKeepingEveryRuleHasNoViolations() throws Exception {
        JsonNode plan = plan(task("a", "A") + "," + task("b", "B"), dep("a", "b", "finish_to_start"));
        assertEquals(List.of(), PlanRules.violations(plan));
    }

    @Test
    void aCycleIsNamedByTaskNamesAtTheDependencyThatClosesIt() throws Exception {
        JsonNode plan = plan(task("a", "design") + "," + task("b", "build") + "," + task("c", "test") + ","
                + task("d", "ship"), dep("a", "b", "finish_to_start") + "," + dep("b", "c", "start_to_start")
                + "," + dep("c", "d", "finish_to_start") + "," + dep("c", "a", "finish_to_finish"));
        assertEquals(List.of(new Violation("/dependencies/3", "acyclic",
                "the dependencies form a cycle: design -> build -> test -> design; remove one of its dependencies")),
                PlanRules.violations(plan));
    }

    @Test
    void aTaskDependingOnItselfIsACycle() throws Exception {
        JsonNode plan = plan(task("a", "A"), dep("a", "a", "finish_to_start"));
        assertEquals(List.of(new Violation("/dependencies/0", "acyclic",
                "the dependencies form a cycle: A -> A; remove one of its dependencies")), PlanRules.violations(plan));
    }

    @Test
    void unknownTasksDuplicateIdsAndRepeatedDependenciesAreNamed() throws Exception {
        JsonNode plan = plan(task("a", "A") + "," + task("a", "again"),
                dep("a", "x", "finish_to_start") + "," + dep("a", "a2", "start_to_start") + ","
                        + dep("a", "x", "finish_to_start"));
        assertEquals(List.of(
                new Violation("/tasks/1/id", "unique", "task id 'a' is also the id of task 0 ('A'); give each task"
                        + " its own id"),
                new Violation("/dependencies/0/to_task", "known-task", "no task of the plan has id 'x'; add the"
                        + " task first or name one of the plan's tasks"),
                new Violation("/dependencies/1/to_task", "known-task", "no task of the plan has id 'a2'; add the"
                        + " task first or name one of the plan's tasks"),
                new Violation("/dependencies/2/to_task", "known-task", "no task of the plan has id 'x'; add the"
                        + " task first or name one of the plan's tasks"),
                new Violation("/dependencies/2", "unique", "the finish_to_start dependency from 'A' to 'x' is listed"
                        + " twice; remove one")),
                PlanRules.violations(plan));
    }

    @Test
    void theExecuteFieldsOfATaskAreChecked() throws Exception {
        JsonNode plan = plan("{'id':'a','name':'call','type':'atomic','extension':'tools','input':[1],"
                + "'requires_approval':'yes','rollback':{'input':{}},'estimated_duration':'P1M'}", "");
        assertEquals(List.of(
                new Violation("/tasks/0/estimated_duration", "duration", "'P1M' is not an ISO-8601 duration of days,"
                        + " hours, minutes and seconds such as PT30M or P1DT2H"),
                new Violation("/tasks/0/input", "type", "'input' must be an object (the method's input)"),
                new Violation("/tasks/0/requires_approval", "type", "'requires_approval' must be true or false"),
                new Violation("/tasks/0/method", "required", "task 'call' names the extension 'tools' but no method;"
                        + " name the method to invoke"),
                new Violation("/tasks/0/rollback/method", "required", "task 'call' has a rollback without a method;"
                        + " name the method that undoes the task")),
                PlanRules.violations(plan));
    }

    @Test
    void aNegativeDurationIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TaskDurations.parse("-PT1H"));
        assertEquals("'-PT1H' is negative; a task cannot take less than no time", e.getMessage());
        assertEquals(java.time.Duration.ofMinutes(90), TaskDurations.parse("PT1H30M"));
        assertEquals(java.time.Duration.ZERO, TaskDurations.parse(null));
    }
}
