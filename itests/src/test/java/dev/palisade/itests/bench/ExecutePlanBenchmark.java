package dev.palisade.itests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.itests.ProbeJars;
import dev.palisade.sandbox.testing.TestJar;

/**
 * The execute engine's cost: the wall time of one execution of a 1,000-task plan whose tasks call the
 * no-op {@link PingPlugin} (sequential, and parallel with no dependencies), from {@code POST
 * /plans/{id}/execute} until the execution has ended, against the baseline of 1,000
 * {@link PalisadeHost#invoke} calls of the same plugin one after the other. One shot = the whole plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ExecutePlanBenchmark {

    static final int TASKS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "0c1e5a8b-4f7d-4e2a-b3c6-9d8e7f6a5b4c";
    private static final String NAME = "bench-execute-ping";

    private Path work;
    private PalisadeHost host;
    private final HttpClient http = HttpClient.newHttpClient();
    private String contextId;
    private String sequentialPlan;
    private String parallelPlan;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        work = Files.createTempDirectory("palisade-bench-execute");
        Path home = BenchHome.create(work.resolve("home"));
        Path jar = TestJar.plugin("dev.palisade.itests.bench.execute", "1.0.0")
                .descriptor("""
                    {"id": "%s", "name": "%s", "version": "1.0.0", "type": "plugin",
                     "interface": {"methods": ["ping"], "input_schema": {"ping": {"type": "object"}},
                       "output_schema": {"ping": {"type": "object"}}},
                     "implementation": {"runtime": "java", "entry_point": "%s"},
                     "security": {"permissions": [], "sandbox_level": "basic"}}
                    """.formatted(ID, NAME, PingPlugin.class.getName()))
                .addClass(PingPlugin.class)
                .signedTo(work.resolve("ping.jar"), ProbeJars.samplePublisher());
        host = Palisade.builder().home(home).port(0).start();
        deployWhenServing(jar);
        contextId = post("/api/v1/mplp/contexts", "{\"version\": \"1.0.0\", \"status\": \"active\", "
                + "\"lifecycle_stage\": \"execution\", \"shared_state\": {}}").path("id").asText();
        sequentialPlan = plan("sequential");
        parallelPlan = plan("parallel");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        host.close();
        BenchHome.delete(work);
    }

    /** Baseline: the plugin called {@value #TASKS} times through the embedding API, one after the other. */
    @Benchmark
    public int directInvokes() {
        int answered = 0;
        for (int i = 0; i < TASKS; i++) {
            answered += host.invoke(NAME, "ping", Map.of("n", i)) instanceof Map<?, ?> ? 1 : 0;
        }
        return answered;
    }

    /** A {@value #TASKS}-task sequential plan, one task at a time, each state change stored. */
    @Benchmark
    public JsonNode sequentialPlan() throws Exception {
        return run(sequentialPlan);
    }

    /** A {@value #TASKS}-task plan without dependencies under the parallel strategy (engine pool of 8). */
    @Benchmark
    public JsonNode parallelPlan() throws Exception {
        return run(parallelPlan);
    }

    private JsonNode run(String planId) throws Exception {
        String id = post("/api/v1/mplp/plans/" + planId + "/execute", "{\"context_id\": \"" + contextId + "\"}")
                .path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode listed = get("/api/v1/mplp/executions?plan_id=" + planId + "&limit=1").path("executions").get(0);
            if (listed.path("id").asText().equals(id) && !listed.path("finished_at").isNull()) {
                if (!listed.path("status").asText().equals("completed")) {
                    throw new IllegalStateException("the benchmark execution ended " + listed);
                }
                return listed;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("execution " + id + " did not end within 5 minutes");
    }

    private String plan(String strategy) throws Exception {
        ObjectNode plan = JSON.createObjectNode().put("name", "bench " + strategy);
        plan.putObject("workflow").put("execution_strategy", strategy);
        ArrayNode tasks = plan.putArray("tasks");
        for (int i = 0; i < TASKS; i++) {
            ObjectNode t = tasks.addObject().put("id", UUID.randomUUID().toString()).put("name", "ping " + i)
                    .put("type", "atomic").put("extension", NAME).put("method", "ping");
            t.putObject("input").put("n", i);
        }
        return post("/api/v1/mplp/plans", plan.toString()).path("id").asText();
    }

    private JsonNode post(String path, String body) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create(host.baseUri() + path.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(host.baseUri() + path.substring(1))).build(),
                BodyHandlers.ofString()).body());
    }

    private void deployWhenServing(Path jar) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (host.deploy(jar).outcome() != DeploymentOutcome.DEPLOYED) {
                    throw new IllegalStateException("the benchmark plugin was not deployed");
                }
                return;
            } catch (HostProblem notYet) {
                if (notYet.status() != 503 || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }
}
