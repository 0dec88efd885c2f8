package dev.palisade.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution, copied to a fresh home and started as a separate process with
 * {@code bin/palisade run}, as an operator would. Closing it sends SIGTERM and waits.
 */
public final class RunningDistribution implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunningDistribution(Path home, int port, Process process, Path log) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Copies the distribution into {@code home}, starts it and waits until /health says ready. */
    public static RunningDistribution start(Path home) throws Exception {
        return start(home, Map.of());
    }

    /**
     * Same as {@link #start(Path)}, with extra environment variables for {@code bin/palisade}
     * (such as {@code JAVA_OPTS}) and {@code beforeStart} run on the copied home first (to add
     * trust anchors or policy files).
     */
    public static RunningDistribution start(Path home, Map<String, String> environment,
            HomeSetup beforeStart) throws Exception {
        return start(home, environment, beforeStart, List.of());
    }

    /**
     * Same as {@link #start(Path, Map, HomeSetup)}, with extra options for {@code bin/palisade run}
     * (such as {@code --db-url} and {@code --db-user}).
     */
    public static RunningDistribution start(Path home, Map<String, String> environment, HomeSetup beforeStart,
            List<String> runOptions) throws Exception {
        DistributionCopy.copyTo(home);
        beforeStart.prepare(home);
        return launch(home, environment, runOptions);
    }

    /** Same as {@link #start(Path)}, with extra environment variables for {@code bin/palisade}. */
    public static RunningDistribution start(Path home, Map<String, String> environment) throws Exception {
        return start(home, environment, copied -> { });
    }

    /** Prepares a copied home before the host starts. */
    @FunctionalInterface
    public interface HomeSetup {
        void prepare(Path home) throws Exception;
    }

    private static RunningDistribution launch(Path home, Map<String, String> environment, List<String> runOptions)
            throws Exception {
        int port = freePort();
        Path log = home.resolve("palisade-test.log");
        List<String> args = new java.util.ArrayList<>(List.of(home.resolve("bin/palisade").toString(), "run",
                "--home", home.toString(), "--port", Integer.toString(port)));
        args.addAll(runOptions);
        ProcessBuilder command = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        command.environment().putAll(environment);
        Process process = command.start();
        RunningDistribution running = new RunningDistribution(home, port, process, log);
        running.awaitReady();
        return running;
    }

    public Path home() {
        return home;
    }

    public Path deployDir() {
        return home.resolve("deploy");
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A response with its body parsed as JSON (or null when the body is not JSON). */
    public record Response(int status, String contentType, String body, JsonNode json) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response putJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patchJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Reads a server-sent event stream until {@code events} events arrived or {@code wait} passed.
     *
     * @return the {@code data:} lines of the events, in order, as JSON
     */
    public java.util.List<JsonNode> streamEvents(String path, int events, Duration wait) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(wait).GET().build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                java.util.Iterator<String> it = lines.iterator();
                while (out.size() < events && it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("data: ")) {
                        out.add(JSON.readTree(line.substring(6)));
                    }
                }
            }
        } catch (java.net.http.HttpTimeoutException e) {
            // fewer events than asked came in time: the caller asserts on what came
        } catch (IOException e) {
            if (out.size() < events && !(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw new UncheckedIOException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    public Response postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Writes a jar into deploy/ the way a careful operator does: to a hidden temporary name first,
     * then an atomic rename, so the watcher never sees half a file.
     */
    public Path drop(Path jar, String fileName) throws IOException {
        Path hidden = deployDir().resolve("." + fileName + ".tmp");
        Files.copy(jar, hidden, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(hidden, deployDir().resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls GET {@code path} until the predicate holds, then returns that response. */
    public Response await(String path, Predicate<Response> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + "; last answer of " + path + ": "
                + (last == null ? "none" : last.status() + " " + last.body()) + "\n--- host log ---\n"
                + log());
    }

    /** Waits for the deployment record of {@code fileName} and returns it. */
    public JsonNode awaitDeployment(String fileName, int countBefore) {
        Response r = await("/api/v1/mplp/deployments",
                resp -> recordsFor(resp.json(), fileName).count() > countBefore,
                "a deployment record for " + fileName);
        return recordsFor(r.json(), fileName).findFirst().orElseThrow();
    }

    /** @return how many deployment records name {@code fileName} so far */
    public long deploymentCount(String fileName) {
        return recordsFor(get("/api/v1/mplp/deployments").json(), fileName).count();
    }

    private static Stream<JsonNode> recordsFor(JsonNode deployments, String fileName) {
        if (deployments == null) {
            return Stream.empty();
        }
        Stream.Builder<JsonNode> out = Stream.builder();
        deployments.path("deployments").forEach(d -> {
            if (fileName.equals(d.path("fileName").asText())) {
                out.add(d);
            }
        });
        return out.build();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("palisade exited with " + process.exitValue()
                        + " before it was ready:\n" + log());
            }
            try {
                Response health = send(HttpRequest.newBuilder(uri("/health")).GET());
                if (health.status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep polling until the deadline
            }
            sleep(100);
        }
        throw new IllegalStateException("palisade was not ready within " + START_TIMEOUT + ":\n"
                + log());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json")) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), type, response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("palisade did not stop within 30 s of SIGTERM:\n" + log());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
