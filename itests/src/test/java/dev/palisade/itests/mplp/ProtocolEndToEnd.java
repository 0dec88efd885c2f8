package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import dev.palisade.core.confirm.testing.DecisionSigner;
import dev.palisade.itests.RunningDistribution;
import dev.palisade.itests.RunningDistribution.Response;

/**
 * Issue 5's end-to-end story, through REST only, on whichever store the host was started with: a context; a plan of
 * seven tasks with dependencies and the parallel strategy, whose tasks call the sample plugin; one task needs a
 * person's approval, decided with a valid signature after a forged one is refused; one needs a low-risk approval,
 * which the sample policy grants by itself; the sample hook vetoes a task aimed at production without a change
 * ticket; the execution completes; the trace holds a root span with a child span per plugin call; the sample adapter
 * exports the plan to a stub tracker on loopback.
 */
final class ProtocolEndToEnd {

    private static final String API = "/api/v1/mplp";
    private static final String COLLECT = "e2e00000-0000-4000-8000-000000000001";
    private static final String ANALYSE_A = "e2e00000-0000-4000-8000-000000000002";
    private static final String ANALYSE_B = "e2e00000-0000-4000-8000-000000000003";
    private static final String REVIEW = "e2e00000-0000-4000-8000-000000000004";
    private static final String NOTES = "e2e00000-0000-4000-8000-000000000005";
    private static final String DEPLOY = "e2e00000-0000-4000-8000-000000000006";
    private static final String REPORT = "e2e00000-0000-4000-8000-000000000007";
    private static final Set<String> PLUGIN_TASKS = Set.of(COLLECT, ANALYSE_A, ANALYSE_B, REVIEW, NOTES, REPORT);

    private final RunningDistribution host;

    ProtocolEndToEnd(RunningDistribution host) {
        this.host = host;
    }

    void run() throws Exception {
        List<String> issuesPosted = new CopyOnWriteArrayList<>();
        HttpServer tracker = stubTracker(issuesPosted);
        try {
            story(tracker.getAddress().getPort(), issuesPosted);
        } finally {
            tracker.stop(0);
        }
    }

    private void story(int trackerPort, List<String> issuesPosted) throws Exception {
        deploySamples();
        DecisionSigner approverKey = DecisionSigner.ed25519();
        String approver = UUID.randomUUID().toString();
        Response registered = host.postJson(API + "/confirmations/approvers", "{\"id\":\"" + approver
                + "\",\"name\":\"release manager\",\"public_key\":" + quoted(approverKey.publicKeyPem()) + "}");
        assertEquals(201, registered.status(), registered.body());

        Response context = host.postJson(API + "/contexts", "{\"version\":\"1.0\",\"status\":\"active\","
                + "\"lifecycle_stage\":\"execution\",\"shared_state\":{\"variables\":{\"release\":\"2026.11\"}}}");
        assertEquals(201, context.status(), context.body());
        String contextId = context.json().path("id").asText();

        Response plan = host.postJson(API + "/plans", plan(approver));
        assertEquals(201, plan.status(), plan.body());
        String planId = plan.json().path("id").asText();
        JsonNode validation = host.postJson(API + "/plans/" + planId + "/validate", "{}").json();
        assertTrue(validation.path("valid").asBoolean(), validation.toString());
        assertEquals("allow", validation.path("quality_gate").path("decision").asText(), validation.toString());

        Response started = host.postJson(API + "/plans/" + planId + "/execute", "{\"context_id\":\"" + contextId + "\"}");
        assertEquals(202, started.status(), started.body());
        String executionId = started.json().path("id").asText();
        String execution = API + "/executions/" + executionId;

        // the low-risk approval was decided by the policy alone; the person's approval waits
        JsonNode waiting = host.await(execution, r -> taskOf(r.json(), REVIEW).path("status").asText()
                .equals("waiting_approval"), "the review task waiting for its approval").json();
        String reviewConfirmation = taskOf(waiting, REVIEW).path("confirmation_id").asText();
        JsonNode notes = host.await(execution, r -> !taskOf(r.json(), NOTES).path("confirmation_id").isMissingNode()
                && !taskOf(r.json(), NOTES).path("confirmation_id").isNull(), "the notes task's confirmation").json();
        JsonNode autoDecided = host.get(API + "/confirmations/" + taskOf(notes, NOTES).path("confirmation_id").asText())
                .json();
        assertEquals("approved", autoDecided.path("result").path("status").asText(), autoDecided.toString());
        assertEquals("risk-policy", autoDecided.path("result").path("decisions").get(0).path("policy").asText(),
                autoDecided.toString());

        // a forged decision changes nothing; the approver's own signature approves
        String forged = DecisionSigner.ed25519().sign(reviewConfirmation, approver, "approved", "");
        Response refused = host.postJson(API + "/confirmations/" + reviewConfirmation + "/decide", decision(approver,
                forged));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("urn:palisade:problem:signature-invalid", refused.json().path("type").asText());
        assertEquals("pending", host.get(API + "/confirmations/" + reviewConfirmation).json().path("result")
                .path("status").asText());
        String signed = approverKey.sign(reviewConfirmation, approver, "approved", "");
        Response decided = host.postJson(API + "/confirmations/" + reviewConfirmation + "/decide",
                decision(approver, signed));
        assertEquals(200, decided.status(), decided.body());
        assertEquals("approved", decided.json().path("result").path("status").asText(), decided.body());

        JsonNode done = host.await(execution, r -> Set.of("completed", "failed", "cancelled")
                .contains(r.json().path("status").asText()), "the execution to end").json();
        assertEquals("completed", done.path("status").asText(), done.toString());
        for (String task : PLUGIN_TASKS) {
            JsonNode state = taskOf(done, task);
            assertEquals("completed", state.path("status").asText(), state.toString());
            assertTrue(state.path("output").path("words").asInt() > 0, state.toString());
        }
        JsonNode vetoed = taskOf(done, DEPLOY);
        assertEquals("vetoed", vetoed.path("status").asText(), vetoed.toString());
        assertEquals("rule-hook", vetoed.path("hook").asText(), vetoed.toString());
        assertEquals("completed", host.get(API + "/plans/" + planId + "/status").json().path("execution").path("status")
                .asText());

        assertTraceHasEveryStep(done.path("trace_id").asText(), contextId);
        assertFalse(host.get(execution + "/logs").json().path("lines").isEmpty());

        Response exported = host.postJson(API + "/plans/" + planId + "/export", "{\"adapter\":\"tracker-adapter\","
                + "\"options\":{\"endpoint\":\"http://127.0.0.1:" + trackerPort + "/issues\"}}");
        assertEquals(200, exported.status(), exported.body());
        assertEquals(7, exported.json().path("result").path("issues").size(), exported.body());
        assertEquals(7, issuesPosted.size());
        assertTrue(issuesPosted.stream().anyMatch(issue -> issue.contains("\"title\":\"review\"")), issuesPosted.toString());
    }

    /** Every plugin call is an invoke span under the execution's root span; the approval wait a validate span. */
    private void assertTraceHasEveryStep(String traceId, String contextId) {
        JsonNode spans = host.await(API + "/traces/" + traceId + "/spans", r -> r.status() == 200
                && r.body().contains("\"execute\""), "the execution's root span").json().path("spans");
        String root = null;
        Map<String, String> parents = new HashMap<>();
        Set<String> invokedTasks = new HashSet<>();
        boolean approvalWait = false;
        for (JsonNode span : spans) {
            assertEquals(contextId, span.path("context_id").asText(), span.toString());
            String type = span.path("action").path("type").asText();
            if (type.equals("execute")) {
                root = span.path("span_id").asText();
                assertTrue(span.path("parent_span_id").isMissingNode() || span.path("parent_span_id").isNull(),
                        span.toString());
            } else {
                parents.put(span.path("span_id").asText(), span.path("parent_span_id").asText());
            }
            if (type.equals("invoke")) {
                invokedTasks.add(span.path("action").path("parameters").path("task_id").asText());
            }
            approvalWait |= type.equals("validate");
        }
        assertTrue(root != null, spans.toString());
        for (Map.Entry<String, String> child : parents.entrySet()) {
            assertEquals(root, child.getValue(), "span " + child.getKey() + " hangs under the root: " + spans);
        }
        assertEquals(PLUGIN_TASKS, invokedTasks, spans.toString());
        assertTrue(approvalWait, spans.toString());
    }

    private void deploySamples() throws Exception {
        for (String sample : List.of("rule-hook", "risk-policy", "tracker-adapter")) {
            String file = "palisade-sample-" + sample + "-0.1.0-SNAPSHOT.jar";
            Response deployed = host.postBytes(API + "/extensions?filename=" + file,
                    Files.readAllBytes(host.home().resolve("samples").resolve(file)));
            assertEquals("DEPLOYED", deployed.json().path("outcome").asText(), deployed.body());
        }
        Response granted = host.postJson(API + "/extensions/tracker-adapter/grant", "");
        assertEquals(200, granted.status(), granted.body());
    }

    private static String plan(String approver) {
        String count = ",\"extension\":\"text-tools\",\"method\":\"word_count\",\"input\":{\"text\":\"%s\"}";
        String human = ",\"approval\":{\"approvers\":[{\"id\":\"" + approver + "\",\"type\":\"human\",\"required\":true}]}";
        String lowRisk = ",\"approval\":{\"approvers\":[{\"id\":\"" + approver + "\",\"type\":\"human\"}],"
                + "\"criteria\":{\"thresholds\":{\"risk\":\"low\"}}}";
        String tasks = String.join(",",
                task(COLLECT, "collect", String.format(count, "gather the release inputs")),
                task(ANALYSE_A, "analyse logs", String.format(count, "read the logs")),
                task(ANALYSE_B, "analyse metrics", String.format(count, "read the metrics dashboards")),
                task(REVIEW, "review", String.format(count, "review the findings") + human),
                task(NOTES, "publish notes", String.format(count, "release notes draft") + lowRisk),
                task(DEPLOY, "deploy", ",\"target\":\"production\"" + String.format(count, "roll out")),
                task(REPORT, "report", String.format(count, "write the final report")));
        String dependencies = String.join(",",
                dependency(COLLECT, ANALYSE_A, "finish_to_start"),
                dependency(COLLECT, ANALYSE_B, "start_to_start"),
                dependency(ANALYSE_A, REVIEW, "finish_to_start"),
                dependency(ANALYSE_B, NOTES, "finish_to_start"),
                dependency(REVIEW, DEPLOY, "finish_to_start"),
                dependency(REVIEW, REPORT, "finish_to_start"),
                dependency(NOTES, REPORT, "finish_to_finish"));
        return "{\"name\":\"release 2026.11\",\"tasks\":[" + tasks + "],\"dependencies\":[" + dependencies + "],"
                + "\"workflow\":{\"execution_strategy\":\"parallel\",\"error_handling\":{\"retry_count\":1}}}";
    }

    private static String task(String id, String name, String extra) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"atomic\",\"priority\":\"high\"" + extra + "}";
    }

    private static String dependency(String from, String to, String type) {
        return "{\"from_task\":\"" + from + "\",\"to_task\":\"" + to + "\",\"type\":\"" + type + "\"}";
    }

    private static String decision(String approver, String signature) {
        return "{\"approver_id\":\"" + approver + "\",\"decision\":\"approved\",\"signature\":\"" + signature + "\"}";
    }

    private static JsonNode taskOf(JsonNode execution, String taskId) {
        for (JsonNode task : execution.path("tasks")) {
            if (task.path("task_id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("execution has no task " + taskId + ": " + execution);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    private static HttpServer stubTracker(List<String> issuesPosted) throws java.io.IOException {
        HttpServer tracker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger next = new AtomicInteger(100);
        tracker.createContext("/issues", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                issuesPosted.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = ("{\"id\": \"REL-" + next.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        tracker.start();
        return tracker;
    }
}
