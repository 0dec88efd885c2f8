package dev.palisade.itests.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.api.extension.InvocationContext;
import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.itests.ProbeJars;
import dev.palisade.sandbox.testing.TestJar;

/**
 * Benchmark (b), the invocation path's cost: {@link PingPlugin#invoke} called through the
 * embedding API ({@link PalisadeHost#invoke}) on a host started from a copy of the assembled
 * distribution, with the plugin deployed as a signed jar (so the call takes the real path: input
 * schema check, hand-off to the extension's own executor, timeout, accounting, context class
 * loader set and reset, output check), against a direct Java call of a {@code PingPlugin} created
 * here. The embedding API does not hand out the extension's own object, so the direct call is on an
 * instance of the same class with the same input. Beside them, a reference point: the direct call
 * submitted to a {@link ThreadPoolExecutor} shaped like the host's and waited for, which is the
 * hand-off alone.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests -pl itests -am verify} (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class InvokeBenchmark {

    static final String ID = "7d4c2b1a-0e9f-4a8b-9c7d-6e5f4a3b2c1d";
    static final String NAME = "bench-ping";
    static final Map<String, Object> INPUT = Map.of("n", 1);

    /** State fields, not constants, so the JIT cannot fold the direct call's answer. */
    public String method = "ping";
    public Map<String, Object> input = INPUT;

    private Path work;
    private PalisadeHost host;
    private PingPlugin plugin;
    private InvocationContext context;
    private ThreadPoolExecutor executor;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        work = Files.createTempDirectory("palisade-bench-invoke");
        Path home = BenchHome.create(work.resolve("home"));
        Path jar = TestJar.plugin("dev.palisade.itests.bench.ping", "1.0.0")
                .descriptor(descriptor())
                .addClass(PingPlugin.class)
                .signedTo(work.resolve("ping.jar"), ProbeJars.samplePublisher());
        host = Palisade.builder().home(home).port(0).start();
        try {
            DeploymentRecord record = deployWhenServing(jar);
            if (record.outcome() != DeploymentOutcome.DEPLOYED) {
                throw new IllegalStateException("the benchmark plugin was not deployed: " + record);
            }
            Object answer = host.invoke(NAME, "ping", INPUT);
            if (!PingPlugin.PONG.equals(answer)) {
                throw new IllegalStateException("unexpected answer through the embedding API: " + answer);
            }
        } catch (RuntimeException | InterruptedException e) {
            String health = health();
            host.close();
            throw new IllegalStateException("benchmark (b) setup failed; the host's /health answered: " + health, e);
        }
        plugin = new PingPlugin();
        context = new DirectContext();
        executor = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(16));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        executor.shutdownNow();
        host.close();
        BenchHome.delete(work);
    }

    /** Baseline: a direct Java call on a plugin object. */
    @Benchmark
    public Object direct() {
        return plugin.invoke(method, input, context);
    }

    /** Reference point: the direct call handed to a thread pool and waited for, nothing else. */
    @Benchmark
    public Object handOffOnly() throws InterruptedException, ExecutionException, TimeoutException {
        return executor.submit(() -> plugin.invoke(method, input, context)).get(5, TimeUnit.SECONDS);
    }

    /** The embedding API: the host's whole invocation path. */
    @Benchmark
    public Object embeddingApi() {
        return host.invoke(NAME, method, input);
    }

    /** Deploys once the extension module serves; it may register a moment after the host is ready. */
    private DeploymentRecord deployWhenServing(Path jar) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return host.deploy(jar);
            } catch (HostProblem notYet) {
                if (notYet.status() != 503 || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private String health() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(host.baseUri().resolve("/health")).build(), BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "(no answer: " + e + ")";
        }
    }

    private static String descriptor() {
        return """
            {"id": "%s", "name": "%s", "version": "1.0.0", "type": "plugin",
             "interface": {"methods": ["ping"],
               "input_schema": {"ping": {"type": "object"}},
               "output_schema": {"ping": {"type": "object", "required": ["pong"]}}},
             "implementation": {"runtime": "java", "entry_point": "%s"},
             "security": {"permissions": [], "sandbox_level": "basic"}}
            """.formatted(ID, NAME, PingPlugin.class.getName());
    }

    /** The context a direct call passes: names only, no capabilities (ping uses none). */
    private static final class DirectContext implements InvocationContext {
        @Override public String extensionId() { return ID; }
        @Override public String extensionName() { return NAME; }
        @Override public String extensionVersion() { return "1.0.0"; }
        @Override public String method() { return "ping"; }
        @Override public String invocationId() { return "direct"; }
        @Override public Capabilities capabilities() { return null; }
    }
}
