package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.itests.ProbeJars;
import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.sandbox.testing.TestJar;

/**
 * The execute engine through REST on the assembled distribution: plans of the signed text-tools sample's
 * {@code word_count} run sequentially and in parallel, a flaky task is retried, a failing one fails the
 * execution after its retries, a running execution is cancelled, and a plan whose plugin is missing or
 * quarantined, or a request that is wrong, is refused with nothing stored.
 */
class ExecuteIT extends OnRunningDistribution {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE_ID = "3f7c1d52-8e0b-4c5a-9d61-2b4e8a7f0c13";
    private static final String QUARANTINED_ID = "6d1e9b27-4c3a-4f8e-a2b5-7c0d9e1f3a48";

    static String contextId;

    @BeforeAll
    static void deployFixturesAndOpenAContext() throws Exception {
        deploy("execute-fixture", fixtureDescriptor(FIXTURE_ID, "execute-fixture", ""), ExecuteFixture.class);
        deploy("quarantined-fixture", fixtureDescriptor(QUARANTINED_ID, "quarantined-fixture",
                ", \"configuration\": {\"timeout_ms\": 100}"), ExecuteFixture.class);
        deploy("execute-guard", """
                {"id": "8a2f4c6e-1b3d-4f5a-9c7e-2d4b6f8a0c1e", "name": "execute-guard", "version": "1.0.0",
                 "type": "hook", "interface": {"events": ["before:task.execute"]},
                 "implementation": {"runtime": "java", "entry_point": "%s"},
                 "security": {"permissions": [], "sandbox_level": "basic"}}
                """.formatted(ExecuteGuardHook.class.getName()), ExecuteGuardHook.class);
        Response context = host.postJson("/api/v1/mplp/contexts", """
                {"version": "1.0.0", "status": "active", "lifecycle_stage": "execution", "shared_state": {}}""");
        assertEquals(201, context.status(), context.body());
        contextId = context.json().path("id").asText();
    }

    /** Builds extension {@code name} (1.0.0) of {@code entry} signed by the sample publisher, and deploys it. */
    private static void deploy(String name, String descriptor, Class<?> entry) throws Exception {
        Path jar = TestJar.plugin("dev.palisade.itests." + name, "1.0.0").descriptor(descriptor).addClass(entry)
                .signedTo(temp.resolve(name + ".jar"), ProbeJars.samplePublisher());
        Response deployed = host.postBytes("/api/v1/mplp/extensions?filename=" + name + ".jar",
                Files.readAllBytes(jar));
        assertEquals("DEPLOYED", deployed.json().path("outcome").asText(), deployed.body());
    }

    /** @param configuration appended to the descriptor's implementation object ({@code ""} for none) */
    private static String fixtureDescriptor(String id, String name, String configuration) {
        return """
            {"id": "%s", "name": "%s", "version": "1.0.0", "type": "plugin",
             "interface": {"methods": ["noop", "flaky", "fail", "sleep"],
               "input_schema": {"noop": {"type": "object"}, "flaky": {"type": "object"},
                                "fail": {"type": "object"}, "sleep": {"type": "object"}},
               "output_schema": {"noop": {"type": "object"}, "flaky": {"type": "object"},
                                 "fail": {"type": "object"}, "sleep": {"type": "object"}}},
             "implementation": {"runtime": "java", "entry_point": "%s"%s},
             "security": {"permissions": [], "sandbox_level": "basic"}}
            """.formatted(id, name, ExecuteFixture.class.getName(), configuration);
    }

    /** A plan under construction: tasks, dependencies, workflow. */
    private static final class Plan {
        final ObjectNode node = JSON.createObjectNode();
        final List<String> ids = new ArrayList<>();

        Plan(String strategy) {
            node.put("name", "execute-it " + strategy);
            node.putArray("tasks");
            node.putArray("dependencies");
            node.putObject("workflow").put("execution_strategy", strategy).putObject("error_handling");
        }

        ObjectNode task(String name, String extension, String method, String input) throws Exception {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            ObjectNode t = ((ArrayNode) node.get("tasks")).addObject().put("id", id).put("name", name)
                    .put("type", "atomic").put("extension", extension).put("method", method);
            t.set("input", JSON.readTree(input));
            return t;
        }

        Plan depends(int from, int to, String type) {
            ((ArrayNode) node.get("dependencies")).addObject().put("from_task", ids.get(from))
                    .put("to_task", ids.get(to)).put("type", type);
            return this;
        }

        Plan handling(String field, int value) {
            ((ObjectNode) node.get("workflow").get("error_handling")).put(field, value);
            return this;
        }

        /** Stores the plan through the plan module and returns its id. */
        String store() {
            Response created = host.postJson("/api/v1/mplp/plans", node.toString());
            assertEquals(201, created.status(), created.body());
            return created.json().path("id").asText();
        }
    }

    private static Response execute(String planId, String body) {
        return host.postJson("/api/v1/mplp/plans/" + planId + "/execute", body);
    }

    private static JsonNode started(String planId) {
        Response r = execute(planId, "{\"context_id\": \"" + contextId + "\"}");
        assertEquals(202, r.status(), r.body());
        assertEquals(r.json().path("id").asText(), r.json().path("trace_id").asText());
        return r.json();
    }

    /** Executes the plan, expecting 409 {@code task-not-runnable} and no execution stored; @return the problem */
    private static JsonNode refusedToRun(String planId) {
        Response refused = execute(planId, "{\"context_id\": \"" + contextId + "\"}");
        assertProblem(refused, 409, "task-not-runnable");
        assertEquals(0, host.get("/api/v1/mplp/executions?plan_id=" + planId).json().path("executions").size());
        return refused.json();
    }

    private static JsonNode ended(String executionId) {
        return host.await("/api/v1/mplp/executions/" + executionId, r -> r.status() == 200
                && List.of("completed", "failed", "cancelled").contains(r.json().path("status").asText())
                && !r.json().path("finished_at").isNull(), "execution " + executionId + " to end").json();
    }

    private static Instant at(JsonNode task, String field) {
        return Instant.parse(task.path(field).asText());
    }

    @Test
    void aSequentialPlanOfWordCountsRunsOneTaskAfterTheOther() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("one", "text-tools", "word_count", "{\"text\": \"one\"}");
        plan.task("two", "text-tools", "word_count", "{\"text\": \"one two\"}");
        plan.task("three", "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a", "word_count", "{\"text\": \"one two three\"}");
        String planId = plan.depends(2, 0, "finish_to_start").store();
        JsonNode execution = ended(started(planId).path("id").asText());

        assertEquals("completed", execution.path("status").asText(), execution.toString());
        assertEquals(planId, execution.path("plan_id").asText());
        assertEquals(contextId, execution.path("context_id").asText());
        JsonNode tasks = execution.path("tasks");
        assertEquals(List.of("two", "three", "one"), List.of(tasks.get(0).path("name").asText(),
                tasks.get(1).path("name").asText(), tasks.get(2).path("name").asText()),
                "topological order, ties in plan order");
        assertEquals(2, tasks.get(0).path("output").path("words").asInt());
        assertEquals(3, tasks.get(1).path("output").path("words").asInt());
        assertEquals(1, tasks.get(2).path("output").path("words").asInt());
        for (int i = 0; i < 3; i++) {
            assertEquals("completed", tasks.get(i).path("status").asText());
            assertEquals(1, tasks.get(i).path("attempts").asInt());
            if (i > 0) {
                assertTrue(!at(tasks.get(i), "started_at").isBefore(at(tasks.get(i - 1), "finished_at")),
                        "one at a time: " + tasks);
            }
        }
        assertEquals(3, execution.path("summary").path("completed").asInt());

        JsonNode spans = host.await("/api/v1/mplp/traces/" + execution.path("id").asText() + "/spans",
                r -> r.json() != null && r.json().path("count").asInt() == 4, "a root span and one per task").json()
                .path("spans");
        JsonNode root = null;
        for (JsonNode span : spans) {
            root = span.path("action").path("type").asText().equals("execute") ? span : root;
        }
        for (JsonNode span : spans) {
            if (span != root) {
                assertEquals("invoke", span.path("action").path("type").asText());
                assertEquals(root.path("span_id").asText(), span.path("parent_span_id").asText());
                assertEquals("5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a", span.path("agent_id").asText(),
                        "without an agent_id in the request, the extension stands for the agent");
                assertEquals(contextId, span.path("context_id").asText());
            }
        }
        assertEquals("success", root.path("result").path("status").asText());

        Response status = host.get("/api/v1/mplp/plans/" + planId + "/status");
        assertEquals(execution.path("id").asText(), status.json().path("execution").path("id").asText());
        Response listed = host.get("/api/v1/mplp/executions?plan_id=" + planId);
        assertEquals(1, listed.json().path("executions").size());
        Response logs = host.get("/api/v1/mplp/executions/" + execution.path("id").asText() + "/logs");
        JsonNode lines = logs.json().path("lines");
        assertEquals("execution started: 3 tasks, strategy sequential", lines.get(0).path("message").asText());
        assertEquals("execution ended completed", lines.get(lines.size() - 1).path("message").asText());
        List<JsonNode> streamed = host.streamEvents("/api/v1/mplp/executions/" + execution.path("id").asText()
                + "/logs/stream", 1000, Duration.ofSeconds(10));
        assertEquals(lines.size(), streamed.size(), "the stream of an ended execution is its whole log, then ends");
        assertEquals(2, host.streamEvents("/api/v1/mplp/executions/" + execution.path("id").asText()
                + "/logs/stream?max_events=2", 1000, Duration.ofSeconds(10)).size());
    }

    @Test
    void aParallelPlanRunsIndependentTasksTogether() throws Exception {
        Plan plan = new Plan("parallel");
        plan.task("slow-a", "execute-fixture", "sleep", "{\"ms\": 600}");
        plan.task("slow-b", "execute-fixture", "sleep", "{\"ms\": 600}");
        plan.task("count", "text-tools", "word_count", "{\"text\": \"a b c d\"}");
        String planId = plan.depends(0, 2, "finish_to_start").depends(1, 2, "finish_to_start").store();
        JsonNode execution = ended(started(planId).path("id").asText());

        assertEquals("completed", execution.path("status").asText(), execution.toString());
        JsonNode tasks = execution.path("tasks");
        assertTrue(at(tasks.get(1), "started_at").isBefore(at(tasks.get(0), "finished_at")),
                "slow-a and slow-b overlap: " + tasks);
        assertTrue(!at(tasks.get(2), "started_at").isBefore(at(tasks.get(1), "finished_at")));
        assertEquals(4, tasks.get(2).path("output").path("words").asInt());
    }

    @Test
    void aHookVetoesOneTaskAndAmendsAnotherAndTheExecutionCompletes() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("forbidden-step", "text-tools", "word_count", "{\"text\": \"x\"}");
        plan.task("after-forbidden", "text-tools", "word_count", "{\"text\": \"x\"}");
        plan.task("amended", "text-tools", "word_count", "{\"amend_text\": \"one two three four\"}");
        String planId = plan.depends(0, 1, "finish_to_start").store();
        JsonNode execution = ended(started(planId).path("id").asText());

        assertEquals("completed", execution.path("status").asText(), execution.toString());
        JsonNode tasks = execution.path("tasks");
        assertEquals("vetoed", tasks.get(0).path("status").asText());
        assertEquals("execute-guard", tasks.get(0).path("hook").asText());
        assertEquals("vetoed by hook execute-guard: forbidden tasks never run", tasks.get(0).path("reason").asText());
        assertEquals("skipped", tasks.get(1).path("status").asText());
        assertEquals(4, tasks.get(2).path("output").path("words").asInt(), "the amended input ran");
        assertEquals(Map.of("total", 3, "vetoed", 1, "skipped", 1, "completed", 1),
                JSON.convertValue(execution.path("summary"), Map.class));
    }

    @Test
    void theLogStreamFollowsARunningExecutionAndEndsWithIt() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("slow", "execute-fixture", "sleep", "{\"ms\": 800}");
        plan.task("quick", "execute-fixture", "noop", "{}");
        String id = started(plan.store()).path("id").asText();
        List<JsonNode> streamed = host.streamEvents("/api/v1/mplp/executions/" + id + "/logs/stream", 1000,
                Duration.ofSeconds(20));
        assertEquals("execution ended completed", streamed.get(streamed.size() - 1).path("message").asText(),
                "the stream ends by itself when the execution does: " + streamed);
        for (int i = 0; i < streamed.size(); i++) {
            assertEquals(i + 1, streamed.get(i).path("seq").asInt(), "no gap, no repeat");
        }
        assertEquals(host.get("/api/v1/mplp/executions/" + id + "/logs").json().path("lines").size(), streamed.size());
    }

    @Test
    void aFlakyTaskIsRetriedAndAFailingOneFailsTheExecutionAfterItsRetries() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("flaky", "execute-fixture", "flaky", "{\"key\": \"" + UUID.randomUUID() + "\", \"failures\": 2}");
        plan.task("failing", "execute-fixture", "fail", "{}");
        plan.task("never", "text-tools", "word_count", "{\"text\": \"x\"}");
        String planId = plan.handling("retry_count", 2).handling("retry_backoff_ms", 20).store();
        JsonNode execution = ended(started(planId).path("id").asText());

        assertEquals("failed", execution.path("status").asText(), execution.toString());
        JsonNode tasks = execution.path("tasks");
        assertEquals("completed", tasks.get(0).path("status").asText());
        assertEquals(3, tasks.get(0).path("attempts").asInt());
        assertEquals(3, tasks.get(0).path("output").path("calls").asInt());
        assertEquals("failed", tasks.get(1).path("status").asText());
        assertEquals(3, tasks.get(1).path("attempts").asInt());
        assertEquals("extension-failed", tasks.get(1).path("error").path("type").asText());
        assertEquals("cancelled", tasks.get(2).path("status").asText());
        assertEquals("not started: the execution failed at task " + plan.ids.get(1),
                tasks.get(2).path("reason").asText());
        assertTrue(execution.path("reason").asText().startsWith("task " + plan.ids.get(1) + " failed: "),
                execution.path("reason").asText());
    }

    @Test
    void aCancelledExecutionStartsNoMoreTasksAndCannotMoveAgain() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("slow", "execute-fixture", "sleep", "{\"ms\": 1500}");
        plan.task("after", "execute-fixture", "noop", "{}");
        String id = started(plan.store()).path("id").asText();
        host.await("/api/v1/mplp/executions/" + id, r -> r.json().path("tasks").get(0).path("attempts").asInt() == 1,
                "the slow task to start");

        Response paused = host.postJson("/api/v1/mplp/executions/" + id + "/pause", "");
        assertEquals(200, paused.status(), paused.body());
        assertEquals("paused", paused.json().path("status").asText());
        Response cancelled = host.postJson("/api/v1/mplp/executions/" + id + "/cancel", "");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().path("status").asText());
        JsonNode execution = ended(id);
        assertEquals("completed", execution.path("tasks").get(0).path("status").asText(), "a call under way finishes");
        assertEquals("cancelled", execution.path("tasks").get(1).path("status").asText());

        Response again = host.postJson("/api/v1/mplp/executions/" + id + "/resume", "");
        assertProblem(again, 409, "invalid-transition");
        assertEquals("execution " + id + " cannot change status from cancelled to running; allowed from cancelled: "
                + "none: cancelled is final", again.json().path("detail").asText());
        assertEquals(404, host.postJson("/api/v1/mplp/executions/" + UUID.randomUUID() + "/pause", "").status());
    }

    @Test
    void aPlanWhosePluginIsMissingIsRefusedAndNothingIsStored() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("fine", "text-tools", "word_count", "{\"text\": \"x\"}");
        plan.task("missing", "no-such-plugin", "run", "{}");
        plan.task("bad-method", "text-tools", "shout", "{}");
        JsonNode refused = refusedToRun(plan.store());
        assertEquals("the plan cannot run: task " + plan.ids.get(1) + ": extension no-such-plugin is not deployed; "
                + "deploy it and execute again; task " + plan.ids.get(2) + ": extension text-tools has no method shout; "
                + "its methods: [word_count, slugify, change_case, top_words]", refused.path("detail").asText());
        assertEquals(2, refused.path("tasks").size());
    }

    @Test
    void aPlanWhosePluginIsQuarantinedIsRefusedNamingTheReleaseUrlAndNothingIsStored() throws Exception {
        for (int call = 1; call <= 3; call++) {
            Response timedOut = host.postJson("/api/v1/mplp/extensions/quarantined-fixture/execute",
                    "{\"method\": \"sleep\", \"input\": {\"ms\": 2000}}");
            assertProblem(timedOut, 504, "invocation-timeout");
        }
        host.await("/api/v1/mplp/extensions/quarantined-fixture",
                r -> "quarantined".equals(r.json().path("state").asText()), "the third timeout to quarantine it");
        Plan plan = new Plan("sequential");
        plan.task("fine", "text-tools", "word_count", "{\"text\": \"x\"}");
        plan.task("held", "quarantined-fixture", "noop", "{}");
        JsonNode refused = refusedToRun(plan.store());
        assertEquals("the plan cannot run: task " + plan.ids.get(1) + ": extension quarantined-fixture is quarantined; "
                + "release it with POST /api/v1/mplp/extensions/" + QUARANTINED_ID + "/release",
                refused.path("detail").asText());
        assertEquals(1, refused.path("tasks").size(), refused.toString());
        JsonNode task = refused.path("tasks").get(0);
        assertEquals(plan.ids.get(1), task.path("task_id").asText(), refused.toString());
        assertEquals("quarantined-fixture", task.path("extension").asText(), refused.toString());
    }

    @Test
    void aBadRequestIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Plan plan = new Plan("sequential");
        plan.task("fine", "text-tools", "word_count", "{\"text\": \"x\"}");
        String planId = plan.store();
        Response noContext = execute(planId, "{\"mode\": \"sync\", \"color\": \"red\"}");
        assertEquals(400, noContext.status(), noContext.body());
        assertEquals("the execute request is invalid: /color [additionalProperties]: unknown field; an execute "
                + "request holds context_id, agent_id and mode; (root) [required]: context_id is required: the id of "
                + "the context to run in; /mode [enum]: mode may only be \"async\", was \"sync\"; fix the named fields "
                + "and send it again", noContext.json().path("detail").asText());
        String unknown = UUID.randomUUID().toString();
        Response unknownContext = execute(planId, "{\"context_id\": \"" + unknown + "\"}");
        assertEquals(400, unknownContext.status());
        assertEquals("exists", unknownContext.json().path("violations").get(0).path("rule").asText());
        assertEquals(0, host.get("/api/v1/mplp/executions?plan_id=" + planId).json().path("executions").size());
        JsonNode badStatus = host.get("/api/v1/mplp/executions?status=finished").json();
        assertEquals(400, badStatus.path("status").asInt(), badStatus.toString());
        assertEquals("status", badStatus.path("violations").get(0).path("field").asText(), badStatus.toString());
        assertEquals("'finished' is not one of [cancelled, completed, failed, paused, pending, running]",
                badStatus.path("violations").get(0).path("message").asText());
        JsonNode badLimit = host.get("/api/v1/mplp/executions?limit=0").json();
        assertEquals("0 is outside 1..1000", badLimit.path("violations").get(0).path("message").asText(),
                badLimit.toString());
        assertProblem(host.get("/api/v1/mplp/executions/" + unknown + "/cancel"), 405, "method-not-allowed");
        assertEquals(404, host.get("/api/v1/mplp/executions/" + unknown).status());
    }
}
