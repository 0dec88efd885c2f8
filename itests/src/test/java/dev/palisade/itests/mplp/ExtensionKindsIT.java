package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import dev.palisade.itests.RunningDistribution.Response;

/**
 * The sample hook, policy and adapter (shipped in the distribution's samples/) uploaded to a running distribution and driven through the protocol modules' REST: the hook vetoes executing a production task
 * without a change ticket and lets a ticketed one run; the policy passes or fails a plan's quality gate; the
 * adapter exports a plan to a loopback stub tracker once its net.connect grant is approved, and is refused before.
 */
class ExtensionKindsIT extends OnRunningDistribution {

    static HttpServer tracker;
    static final List<String> issuesPosted = new CopyOnWriteArrayList<>();
    static String contextId;

    @BeforeAll
    static void startTrackerAndDeploySamples() throws Exception {
        tracker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger next = new AtomicInteger(100);
        tracker.createContext("/issues", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                issuesPosted.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = ("{\"id\": \"ISSUE-" + next.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        tracker.start();
        for (String sample : List.of("rule-hook", "risk-policy", "tracker-adapter")) {
            String file = "palisade-sample-" + sample + "-0.1.0-SNAPSHOT.jar";
            Response deployed = host.postBytes("/api/v1/mplp/extensions?filename=" + file,
                    Files.readAllBytes(host.home().resolve("samples").resolve(file)));
            assertEquals("DEPLOYED", deployed.json().path("outcome").asText(), deployed.body());
        }
        Response context = host.postJson("/api/v1/mplp/contexts", "{\"version\": \"1.0.0\", \"status\": \"active\","
                + " \"lifecycle_stage\": \"execution\", \"shared_state\": {}}");
        assertEquals(201, context.status(), context.body());
        contextId = context.json().path("id").asText();
    }

    @AfterAll
    static void stopTracker() {
        if (tracker != null) {
            tracker.stop(0);
        }
    }

    private static String plan(String name, String tasks) {
        return "{\"name\":\"" + name + "\",\"tasks\":[" + tasks + "]}";
    }

    private static String task(String id, String name, String extra) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"type\":\"atomic\"" + extra + "}";
    }

    private static String createPlan(String body) {
        Response created = host.postJson("/api/v1/mplp/plans", body);
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    @Test
    void theRegistryShowsEachKindAndExecutingANonPluginIs409() {
        JsonNode hook = host.get("/api/v1/mplp/extensions/rule-hook").json();
        assertEquals("hook", hook.path("type").asText());
        assertEquals("active", hook.path("state").asText());
        assertEquals("policy", host.get("/api/v1/mplp/extensions/risk-policy").json().path("type").asText());
        assertEquals("adapter", host.get("/api/v1/mplp/extensions/tracker-adapter").json().path("type").asText());

        Response execute = host.postJson("/api/v1/mplp/extensions/rule-hook/execute", "{\"method\":\"run\",\"input\":{}}");
        assertEquals(409, execute.status(), execute.body());
        assertEquals("urn:palisade:problem:not-a-plugin", execute.json().path("type").asText());
        assertEquals("extension rule-hook 1.0.0 is a hook, not a plugin, so it cannot be executed; the host calls it"
                + " for the events it lists: before:task.execute", execute.json().path("detail").asText());
    }

    @Test
    void theHookVetoesAProductionTaskWithoutATicketAndLetsATicketedOneRun() {
        String input = ",\"extension\":\"text-tools\",\"method\":\"word_count\",\"input\":{\"text\":\"a b c\"}";
        String vetoed = createPlan(plan("ship unticketed", task("4f0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e01", "ship",
                ",\"target\":\"production\"" + input)));
        String allowed = createPlan(plan("ship ticketed", task("4f0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e02", "ship",
                ",\"target\":\"production\",\"change_ticket\":\"CHG-42\"" + input)));

        for (String plan : List.of(vetoed, allowed)) {
            Response started = host.postJson("/api/v1/mplp/plans/" + plan + "/execute",
                    "{\"context_id\":\"" + contextId + "\"}");
            assertEquals(202, started.status(), started.body());
        }

        Response veto = host.await("/api/v1/mplp/plans/" + vetoed + "/status",
                r -> r.body().contains("\"vetoed\""), "the unticketed task vetoed");
        assertTrue(veto.body().contains("vetoed by hook rule-hook: task 'ship' (4f0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e01)"
                + " targets production without a change_ticket"), veto.body());
        Response ran = host.await("/api/v1/mplp/plans/" + allowed + "/status",
                r -> r.body().contains("\"completed\""), "the ticketed task completed");
        assertTrue(!ran.body().contains("\"vetoed\""), ran.body());
    }

    @Test
    void thePolicyPassesANamedPlanAndFailsAnOversizedOne() {
        String small = createPlan(plan("small", task("5a0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e01", "build", "")));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append(task(String.format("6b0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e%02d", i),
                    "step " + i, ""));
        }
        String large = createPlan(plan("large", many.toString()));

        JsonNode pass = host.postJson("/api/v1/mplp/plans/" + small + "/validate", "{}").json().path("quality_gate");
        assertEquals("allow", pass.path("decision").asText(), pass.toString());
        assertEquals("risk-policy", pass.path("policy").asText());
        assertEquals("1 named tasks, at most 20", pass.path("reason").asText());
        JsonNode fail = host.postJson("/api/v1/mplp/plans/" + large + "/validate", "{}").json().path("quality_gate");
        assertEquals("deny", fail.path("decision").asText(), fail.toString());
        assertEquals("the plan has 21 tasks; split it into plans of at most 20", fail.path("reason").asText());
    }

    @Test
    void theAdapterExportsOnlyOnceItsGrantIsApproved() {
        String plan = createPlan(plan("tracked", task("7c0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e01", "design", "") + ","
                + task("7c0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e02", "build", "")));
        String export = "{\"adapter\":\"tracker-adapter\",\"options\":{\"endpoint\":\"http://127.0.0.1:"
                + tracker.getAddress().getPort() + "/issues\"}}";

        Response refused = host.postJson("/api/v1/mplp/plans/" + plan + "/export", export);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("urn:palisade:problem:extension-pending", refused.json().path("type").asText());
        assertEquals(List.of(), issuesPosted);

        Response granted = host.postJson("/api/v1/mplp/extensions/tracker-adapter/grant", "");
        assertEquals(200, granted.status(), granted.body());
        Response exported = host.postJson("/api/v1/mplp/plans/" + plan + "/export", export);
        assertEquals(200, exported.status(), exported.body());
        JsonNode issues = exported.json().path("result").path("issues");
        assertEquals(2, issues.size(), exported.body());
        assertEquals("7c0e7c1a-1b2c-4d3e-8f40-5a6b7c8d9e01", issues.get(0).path("task_id").asText());
        assertTrue(issues.get(0).path("issue_id").asText().startsWith("ISSUE-"), exported.body());
        assertEquals(2, issuesPosted.size());
        assertTrue(issuesPosted.get(0).contains("\"title\":\"design\""), issuesPosted.get(0));
    }
}
