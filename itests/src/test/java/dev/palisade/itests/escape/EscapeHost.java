package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.itests.ProbeJars;
import dev.palisade.itests.RunningDistribution;
import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.itests.escape.hostile.Witness;
import dev.palisade.sandbox.testing.TestPublisher;

/**
 * The running distribution as the escape suite sees it: a fresh home under a test folder (the
 * "root", where uncontained attacks would leave {@code escaped-*} files), a loopback listener that
 * must stay unreached, a canary file outside the home, and a granted witness extension that reports
 * the JVM-wide state hostile extensions try to change. {@link #assertNothingHappened} checks all
 * of them, and that the host still serves.
 */
final class EscapeHost implements AutoCloseable {

    static final String CANARY_TEXT = "the canary is alive";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORD_COUNT =
            "{\"method\": \"word_count\", \"input\": {\"text\": \"one two three\"}}";

    private final Path root;
    private final RunningDistribution host;
    private final LoopbackListener listener;
    private final TestPublisher publisher;
    private final Path jars;
    private final long pid;
    private final Path canary;
    private JsonNode baseline;
    private String witnessId;

    private EscapeHost(Path root, RunningDistribution host, LoopbackListener listener) throws IOException {
        this.root = root;
        this.host = host;
        this.listener = listener;
        this.publisher = ProbeJars.samplePublisher();
        this.jars = Files.createDirectories(root.resolve("jars"));
        this.pid = host.process().pid();
        this.canary = Files.writeString(root.resolve("canary.txt"), CANARY_TEXT);
    }

    /**
     * Starts a distribution in {@code root}/home with the given lines appended to
     * etc/palisade.properties and {@code JAVA_OPTS}, and deploys and approves the witness.
     */
    static EscapeHost start(Path root, List<String> properties, String javaOptions) throws Exception {
        LoopbackListener listener = new LoopbackListener();
        RunningDistribution host = RunningDistribution.start(root.resolve("home"),
                javaOptions == null ? Map.of() : Map.of("JAVA_OPTS", javaOptions),
                home -> Files.writeString(home.resolve("etc/palisade.properties"),
                        "\n" + String.join("\n", properties) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND));
        EscapeHost escape = new EscapeHost(root, host, listener);
        escape.deployWitness();
        return escape;
    }

    RunningDistribution host() {
        return host;
    }

    Path root() {
        return root;
    }

    Path home() {
        return host.home();
    }

    Path canary() {
        return canary;
    }

    /** @return the id of the witness extension (granted property.read only) */
    String witnessId() {
        return witnessId;
    }

    LoopbackListener listener() {
        return listener;
    }

    /** @return the data folder the host gives extension {@code id}; relative grants resolve inside it */
    Path dataFolder(String id) {
        return home().resolve("data/extensions").resolve(id).resolve("files");
    }

    /** Builds, signs and uploads {@code jar}; returns the deployment record. */
    JsonNode upload(HostileJar jar) throws IOException {
        Path signed = jar.signedTo(jars, publisher);
        Response response = host.postBytes("/api/v1/mplp/extensions?filename=" + jar.name() + ".jar",
                Files.readAllBytes(signed));
        JsonNode json = response.json();
        assertTrue(json != null, () -> "the upload of " + jar.name() + " answered " + response.status() + " "
                + response.body());
        return json.has("deployment") ? json.get("deployment") : json;
    }

    /** Uploads {@code jar}, requires it to deploy, and approves what it requested, if anything. */
    JsonNode deploy(HostileJar jar) throws IOException {
        JsonNode record = upload(jar);
        assertEquals("DEPLOYED", record.path("outcome").asText(), record::toString);
        if (jar.requestsPermissions()) {
            approve(jar);
        }
        return record;
    }

    /** Approves every permission {@code jar} requested, as an operator does over REST. */
    void approve(HostileJar jar) {
        Response granted = host.postJson("/api/v1/mplp/extensions/" + jar.id() + "/grant", "{}");
        assertTrue(granted.status() / 100 == 2, () -> "grant answered " + granted.status() + " " + granted.body());
    }

    /**
     * Asserts that {@code answer} is the host's problem for a sandbox denial of {@code jar}: 403
     * {@code permission-denied}, naming the extension, the permission and the target.
     */
    void assertDenied(Response answer, HostileJar jar, String permission, String target) {
        assertEquals(403, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        JsonNode problem = answer.json();
        assertEquals(permission, problem.path("permission").asText(), answer.body());
        assertEquals(target, problem.path("target").asText(), answer.body());
        assertEquals("urn:palisade:problem:permission-denied", problem.path("type").asText(), answer.body());
        assertEquals(jar.name(), problem.path("extension").asText(), answer.body());
    }

    /** @return the entries of the host's audit log, whose chain must be intact */
    long auditEntries() {
        Response verify = host.get("/api/v1/admin/audit/verify");
        assertEquals(200, verify.status(), verify.body());
        assertTrue(verify.json().path("intact").asBoolean(), verify.body());
        return verify.json().path("entriesChecked").asLong();
    }

    /** Asserts that the audit log grew since it held {@code before} entries (the denial was audited). */
    void assertAuditedSince(long before) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (auditEntries() <= before && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertTrue(auditEntries() > before, "the denial was not audited: the audit log still holds " + before
                + " entries");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls method {@code attack} of extension {@code name} with {@code input}. */
    Response attack(String name, Map<String, Object> input) {
        return call(name, "attack", input);
    }

    Response call(String name, String method, Map<String, Object> input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        body.put("input", input);
        try {
            return host.postJson("/api/v1/mplp/extensions/" + name + "/execute", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the standard attack input: dir (the root), port (the listener), path (the canary) */
    Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("dir", root.toString());
        input.put("port", listener.port());
        input.put("path", canary.toString());
        return input;
    }

    /** @return the extension as GET /api/v1/mplp/extensions/{id} shows it */
    JsonNode extension(String idOrName) {
        Response response = host.get("/api/v1/mplp/extensions/" + idOrName);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** @return the sandbox denials the host counted for extension {@code idOrName} */
    long violations(String idOrName) {
        JsonNode extension = extension(idOrName);
        JsonNode count = extension.at("/runtime/violations");
        assertTrue(count.isNumber(), () -> "no runtime.violations in " + extension);
        return count.asLong();
    }

    /** @return the witness's report of JVM-wide state */
    JsonNode witness() {
        Response report = call(Witness.NAME, "report", Map.of());
        assertEquals(200, report.status(), report.body());
        return report.json().path("output");
    }

    private void deployWitness() throws IOException {
        HostileJar witness = HostileJar.of(Witness.NAME, Witness.class).methods("report");
        Witness.PROPERTIES.forEach(name -> witness.permission("property.read", name));
        deploy(witness);
        witnessId = witness.id();
        baseline = witness();
        assertTrue(baseline.path("property.palisade.escape").isNull(), baseline::toString);
    }

    /**
     * Asserts that no attack had an effect: the same host process serves /health and the sample,
     * the listener was never reached, no escaped-* file exists under the root, the canary is intact
     * and the JVM-wide state the witness reports is unchanged.
     */
    void assertNothingHappened(String attempt) {
        assertTrue(host.process().isAlive(), () -> attempt + ": the host process died\n" + host.log());
        assertEquals(pid, host.process().pid());
        Response health = host.get("/health");
        assertEquals(200, health.status(), () -> attempt + ": /health answered " + health.body());
        Response words = host.postJson("/api/v1/mplp/extensions/text-tools/execute", WORD_COUNT);
        assertEquals(200, words.status(), () -> attempt + ": text-tools answered " + words.body());
        assertEquals(3, words.json().path("output").path("words").asInt());
        assertEquals(0, listener.accepted(), attempt + ": the loopback listener was reached");
        assertEquals(List.of(), escapedFiles(), attempt + ": an attack left files behind");
        try {
            assertEquals(CANARY_TEXT, Files.readString(canary), attempt + ": the canary changed");
        } catch (IOException e) {
            throw new AssertionError(attempt + ": the canary is gone: " + e, e);
        }
        assertEquals(baseline, witness(), attempt + ": JVM-wide state changed");
    }

    /** {@link #assertNothingHappened}, and within 3 s: the host is not held up by what runs meanwhile. */
    void assertAnswersPromptly(String attempt) {
        long start = System.nanoTime();
        assertNothingHappened(attempt);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "the host answered within 3 s, not " + took);
    }

    /** Asserts that {@code answer} is the host's 504 {@code invocation-timeout}. */
    static void assertTimedOut(Response answer) {
        assertEquals(504, answer.status(), answer.body());
        assertEquals("urn:palisade:problem:invocation-timeout", answer.json().path("type").asText(), answer.body());
    }

    /** Asserts that {@code jar}'s next call is turned away with 409 and that the extension shows why. */
    void assertQuarantined(HostileJar jar) {
        Response next = attack(jar.name(), Map.of("order", "ab"));
        assertEquals(409, next.status(), next.body());
        assertEquals("urn:palisade:problem:extension-quarantined", next.json().path("type").asText(), next.body());
        assertTrue(next.json().path("detail").asText().contains("quarantined"), next.body());
        JsonNode shown = extension(jar.id());
        assertTrue(shown.at("/quarantine/reason").asText().contains("quarantined after"), shown.toString());
    }

    /** @return files named escaped-* anywhere under the root */
    List<Path> escapedFiles() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().startsWith("escaped-")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE; // the host deletes staging files while we walk
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public void close() throws Exception {
        try {
            host.close();
        } finally {
            listener.close();
        }
    }
}
