package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;

/**
 * The plan module in the running distribution, driven over REST: plans, tasks and dependencies written and
 * read back; every kind of bad input refused with the field and the rule, nothing stored; validation,
 * timeline and the calls into other modules.
 */
class PlanIT extends OnRunningDistribution {

    private static final String PLANS = "/api/v1/mplp/plans";

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String task(String id, String name, String duration) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"atomic\",\"estimated_duration\":\""
                + duration + "\"}";
    }

    private static String dep(String from, String to, String type) {
        return "{\"from_task\":\"" + from + "\",\"to_task\":\"" + to + "\",\"type\":\"" + type + "\"}";
    }

    private static String plan(String name, List<String> tasks, List<String> deps) {
        return "{\"name\":\"" + name + "\",\"tasks\":[" + String.join(",", tasks) + "],\"dependencies\":["
                + String.join(",", deps) + "]}";
    }

    private static void assertNoneNamed(String name) {
        Response list = host.get(PLANS + "?name=" + name);
        assertEquals(200, list.status(), list.body());
        assertEquals(0, list.json().path("plans").size(), "stored half-way: " + list.body());
    }

    @Test
    void aPlanIsCreatedReadListedReplacedAndDeleted() {
        String a = id();
        String b = id();
        Response created = host.postJson(PLANS, plan("release-1", List.of(task(a, "build", "PT1H"),
                task(b, "ship", "PT30M")), List.of(dep(a, b, "finish_to_start"))));
        assertEquals(201, created.status(), created.body());
        String planId = created.json().path("id").asText();
        assertTrue(planId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), planId);
        assertEquals(1, created.json().path("metadata").path("revision").asInt());
        assertEquals(created.json(), host.get(PLANS + "/" + planId).json());
        Response listed = host.get(PLANS + "?name=release-1");
        assertEquals(1, listed.json().path("plans").size());
        assertEquals(planId, listed.json().path("plans").get(0).path("id").asText());

        Response replaced = host.putJson(PLANS + "/" + planId, plan("release-1b", List.of(task(a, "build", "PT2H")),
                List.of()));
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(2, replaced.json().path("metadata").path("revision").asInt());
        assertEquals(created.json().path("metadata").path("created_at"),
                replaced.json().path("metadata").path("created_at"));
        assertEquals("release-1b", host.get(PLANS + "/" + planId).json().path("name").asText());

        Response deleted = host.delete(PLANS + "/" + planId);
        assertEquals(200, deleted.status(), deleted.body());
        assertProblem(host.get(PLANS + "/" + planId), 404, "not-found");
        assertProblem(host.delete(PLANS + "/" + planId), 404, "not-found");
    }

    @Test
    void badPlansAreRefusedNamingFieldAndRuleAndNothingIsStored() {
        String a = id();
        String b = id();
        String c = id();
        Response schema = host.postJson(PLANS, "{\"name\":\"bad-schema\",\"tasks\":[{\"id\":\"" + a
                + "\",\"name\":\"x\",\"type\":\"molecular\"}]}");
        assertProblem(schema, 400, "schema-violation");
        assertEquals("/tasks/0/type", schema.json().path("violations").get(0).path("field").asText());
        assertEquals("enum", schema.json().path("violations").get(0).path("rule").asText());
        assertNoneNamed("bad-schema");

        Response cycle = host.postJson(PLANS, plan("bad-cycle", List.of(task(a, "design", "PT1H"),
                task(b, "build", "PT1H"), task(c, "test", "PT1H")), List.of(dep(a, b, "finish_to_start"),
                        dep(b, c, "finish_to_start"), dep(c, a, "start_to_start"))));
        assertProblem(cycle, 400, "schema-violation");
        JsonNode violation = cycle.json().path("violations").get(0);
        assertEquals("/dependencies/2", violation.path("field").asText());
        assertEquals("acyclic", violation.path("rule").asText());
        assertEquals("the dependencies form a cycle: design -> build -> test -> design; remove one of its dependencies",
                violation.path("message").asText());
        assertNoneNamed("bad-cycle");

        String ghost = id();
        Response missing = host.postJson(PLANS, plan("bad-missing", List.of(task(a, "design", "PT1H")),
                List.of(dep(a, ghost, "finish_to_start"))));
        assertProblem(missing, 400, "schema-violation");
        assertEquals("no task of the plan has id '" + ghost + "'; add the task first or name one of the plan's tasks",
                missing.json().path("violations").get(0).path("message").asText());
        assertNoneNamed("bad-missing");

        Response noMethod = host.postJson(PLANS, "{\"name\":\"bad-method\",\"tasks\":[{\"id\":\"" + a
                + "\",\"name\":\"call\",\"type\":\"atomic\",\"extension\":\"text-tools\"}]}");
        assertProblem(noMethod, 400, "schema-violation");
        assertEquals("/tasks/0/method", noMethod.json().path("violations").get(0).path("field").asText());
        assertNoneNamed("bad-method");

        assertProblem(host.postJson(PLANS, "{\"name\": \"bad-json\", "), 400, "malformed-json");
        assertProblem(host.postJson(PLANS, "[1, 2]"), 400, "malformed-json");
        assertProblem(host.get(PLANS + "?limit=0"), 400, "schema-violation");
        assertProblem(host.patchJson(PLANS, "{}"), 405, "method-not-allowed");
        assertProblem(host.get(PLANS + "/" + id() + "/nothing"), 404, "not-found");
    }

    @Test
    void anIdInUseOrNotMatchingThePathIsRefused() {
        String planId = id();
        String body = "{\"id\":\"" + planId + "\",\"name\":\"fixed-id\",\"tasks\":[]}";
        assertEquals(201, host.postJson(PLANS, body).status());
        Response again = host.postJson(PLANS, body);
        assertProblem(again, 409, "plan-exists");
        Response elsewhere = host.putJson(PLANS + "/" + id(), body);
        assertProblem(elsewhere, 400, "schema-violation");
        assertEquals("path-id", elsewhere.json().path("violations").get(0).path("rule").asText());
        assertProblem(host.putJson(PLANS + "/" + id(), "{\"name\":\"x\",\"tasks\":[]}"), 404, "not-found");
    }

    @Test
    void tasksAndDependenciesChangeThePlanOnlyWhenTheResultIsValid() {
        String a = id();
        String b = id();
        Response created = host.postJson(PLANS, plan("editing", List.of(task(a, "first", "PT10M"),
                task(b, "second", "PT20M")), List.of(dep(a, b, "finish_to_start"))));
        String plan = PLANS + "/" + created.json().path("id").asText();

        Response added = host.postJson(plan + "/tasks", "{\"name\":\"third\",\"type\":\"atomic\"}");
        assertEquals(201, added.status(), added.body());
        assertEquals(3, added.json().path("tasks").size());
        String c = added.json().path("tasks").get(2).path("id").asText();
        assertEquals(36, c.length());

        Response linked = host.postJson(plan + "/dependencies", dep(b, c, "start_to_start"));
        assertEquals(201, linked.status(), linked.body());
        Response cycle = host.postJson(plan + "/dependencies", dep(c, a, "finish_to_start"));
        assertProblem(cycle, 400, "schema-violation");
        assertEquals("the dependencies form a cycle: first -> second -> third -> first; remove one of its"
                + " dependencies", cycle.json().path("violations").get(0).path("message").asText());
        assertEquals(3, host.get(plan).json().path("metadata").path("revision").asInt(), "nothing stored");

        Response renamed = host.putJson(plan + "/tasks/" + c, "{\"name\":\"third, renamed\",\"type\":\"composite\"}");
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("third, renamed", renamed.json().path("tasks").get(2).path("name").asText());
        assertProblem(host.putJson(plan + "/tasks/" + c, "{\"name\":\"x\"}"), 400, "schema-violation");

        Response unlinked = host.delete(plan + "/dependencies?from_task=" + b + "&to_task=" + c);
        assertEquals(200, unlinked.status(), unlinked.body());
        assertEquals(1, unlinked.json().path("dependencies").size());
        assertProblem(host.delete(plan + "/dependencies?from_task=" + b + "&to_task=" + c), 404, "not-found");
        assertProblem(host.delete(plan + "/dependencies?from_task=" + b), 400, "schema-violation");

        Response removed = host.delete(plan + "/tasks/" + a);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(2, removed.json().path("tasks").size());
        assertEquals(0, removed.json().path("dependencies").size(), "its dependency went with it");
        assertProblem(host.delete(plan + "/tasks/" + a), 404, "not-found");
        assertProblem(host.postJson(PLANS + "/" + id() + "/tasks", "{\"name\":\"x\",\"type\":\"atomic\"}"), 404,
                "not-found");
    }

    @Test
    void validationReportsAndTheTimelineHasTheCriticalPath() {
        String a = id();
        String b = id();
        String c = id();
        String d = id();
        Response created = host.postJson(PLANS, plan("scheduled", new ArrayList<>(List.of(task(a, "a", "PT1H"),
                task(b, "b", "PT2H"), task(c, "c", "PT30M"), task(d, "d", "PT1H"))), List.of(
                        dep(a, b, "finish_to_start"), dep(b, d, "finish_to_start"), dep(a, c, "finish_to_start"),
                        dep(c, d, "finish_to_start"))));
        String plan = PLANS + "/" + created.json().path("id").asText();

        Response report = host.postJson(plan + "/validate", "");
        assertEquals(200, report.status(), report.body());
        assertTrue(report.json().path("valid").asBoolean(), report.body());
        assertEquals(0, report.json().path("violations").size());
        assertEquals("none", report.json().path("quality_gate").path("decision").asText(), report.body());

        Response timeline = host.postJson(plan + "/optimize", "");
        assertEquals(200, timeline.status(), timeline.body());
        assertEquals("PT4H", timeline.json().path("total_duration").asText());
        assertEquals(List.of(a, b, d), textList(timeline.json().path("critical_path")));
        assertEquals("PT1H30M", timeline.json().path("tasks").get(2).path("slack").asText());
        assertProblem(host.postJson(PLANS + "/" + id() + "/optimize", ""), 404, "not-found");
    }

    @Test
    void executeAndExportGoToTheirModules() {
        Response created = host.postJson(PLANS, plan("handed-on", List.of(task(id(), "a", "PT1M")), List.of()));
        String plan = PLANS + "/" + created.json().path("id").asText();
        Response export = host.postJson(plan + "/export", "{\"adapter\":\"no-such-adapter\",\"options\":{}}");
        if (export.status() == 503) {
            assertProblem(export, 503, "module-unavailable");
        } else {
            assertEquals(404, export.status(), export.body());
        }
        Response noAdapter = host.postJson(plan + "/export", "{\"options\":{}}");
        assertProblem(noAdapter, 400, "schema-violation");
        assertEquals("/adapter", noAdapter.json().path("violations").get(0).path("field").asText());
        Response status = host.get(plan + "/status");
        if (status.status() == 503) {
            assertProblem(status, 503, "module-unavailable");
            assertEquals("execute", status.json().path("module").asText());
        } else {
            assertEquals(200, status.status(), status.body());
            assertTrue(status.json().path("execution").isNull(), status.body());
        }
    }

    private static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
