package dev.palisade.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.itests.fixtures.VersionReporter;
import dev.palisade.sandbox.testing.TestJar;

/**
 * A restart keeps what the store holds: {@code bin/palisade run} of a distribution copy deploys the sample
 * and an uploaded extension that asks for a permission no policy grants; an operator approves it; the host
 * stops and starts again on the same home. The deployment history of the first run is still listed, the
 * extension is active again without a new approval, and the audit log holds the first run's entries and
 * verifies.
 */
class StoreRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    @Test
    void deploymentsGrantsAndTheAuditLogSurviveARestart() throws Exception {
        Path home = DistributionCopy.copyTo(Files.createDirectories(temp.resolve("home")));
        String id = UUID.randomUUID().toString();
        Path jar = TestJar.plugin("dev.palisade.itests.threads", "1.0.0")
                .descriptor(ProbeJars.descriptor(id, "threads", "1.0.0", VersionReporter.class.getName())
                        .replace("\"permissions\": []", "\"permissions\": [{\"permission\": \"thread.create\"}]"))
                .addClass(VersionReporter.class).signedTo(temp.resolve("threads.jar"), ProbeJars.samplePublisher());

        List<String> firstRunAttempts = new ArrayList<>();
        try (Host host = Host.start(home, "first")) {
            JsonNode uploaded = host.send("POST", "/api/v1/mplp/extensions?filename=threads.jar",
                    Files.readAllBytes(jar), 201);
            assertTrue(uploaded.path("reason").asText().startsWith("[pending-approval] threads 1.0.0 is installed but"
                    + " not started"), uploaded.toString());
            assertEquals("pending", host.send("GET", "/api/v1/mplp/extensions/" + id, null, 200).path("state").asText());
            JsonNode approved = host.send("POST", "/api/v1/mplp/extensions/" + id + "/grant", new byte[0], 200);
            assertEquals("active", approved.path("state").asText(), approved.toString());
            assertEquals("1.0.0", whoami(host, "threads"));
            assertEquals(3, host.send("POST", "/api/v1/mplp/extensions/text-tools/execute",
                    "{\"method\":\"word_count\",\"input\":{\"text\":\"one two three\"}}".getBytes(StandardCharsets.UTF_8),
                    200).path("output").path("words").asInt(), "the sample serves");
            for (JsonNode record : host.send("GET", "/api/v1/mplp/deployments", null, 200).path("deployments")) {
                firstRunAttempts.add(record.path("attemptId").asText());
            }
            assertEquals(3, firstRunAttempts.size(), "the sample, the pending upload and its approval");
        }

        try (Host host = Host.start(home, "second")) {
            JsonNode extension = host.send("GET", "/api/v1/mplp/extensions/" + id, null, 200);
            assertEquals("active", extension.path("state").asText(), "active again without a new approval: " + extension);
            assertEquals("1.0.0", whoami(host, "threads"));
            JsonNode permissions = host.send("GET", "/api/v1/mplp/extensions/" + id + "/permissions", null, 200);
            assertEquals("[{\"permission\":\"thread.create\",\"by\":\"operator\"}]",
                    permissions.path("granted").toString());

            List<String> listed = new ArrayList<>();
            host.send("GET", "/api/v1/mplp/deployments", null, 200).path("deployments")
                    .forEach(record -> listed.add(record.path("attemptId").asText()));
            assertEquals(firstRunAttempts, listed.subList(listed.size() - firstRunAttempts.size(), listed.size()),
                    "the first run's records, oldest last: " + listed);
            assertEquals(5, listed.size(), "plus the sample and the kept upload deployed again: " + listed);
        }

        Process verify = run(home, "verify", "audit", "verify", "--home", home.toString());
        String verified = Files.readString(temp.resolve("verify.log"));
        assertEquals(0, verify.exitValue(), verified);
        assertTrue(verified.matches("(?s)(.*\n)?audit log intact: \\d+ entries, chain verified\n"), verified);

        Path backup = temp.resolve("store.gz");
        Process taken = run(home, "backup", "backup", backup.toString(), "--home", home.toString());
        assertEquals(0, taken.exitValue(), Files.readString(temp.resolve("backup.log")));
        String rows = readBackup(backup);
        assertTrue(rows.contains("\"actor\":\"host\",\"action\":\"extension.permissions-pending\",\"target\":\"" + id
                + "\""), rows);
        assertTrue(rows.contains("\"actor\":\"operator\",\"action\":\"extension.permissions-approved\",\"target\":\""
                + id + "\""), rows);
        assertEquals(1, count(rows, "\"action\":\"extension.permissions-granted\",\"target\":\"" + id + "\""),
                "granted by the earlier approval at the restart: " + rows);
    }

    private static String whoami(Host host, String name) throws Exception {
        return host.send("POST", "/api/v1/mplp/extensions/" + name + "/execute",
                "{\"method\":\"whoami\",\"input\":{}}".getBytes(StandardCharsets.UTF_8), 200)
                .path("output").path("version").asText();
    }

    private Process run(Path home, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/palisade").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("palisade " + String.join(" ", args) + " did not finish within 90 s");
        }
        return process;
    }

    private static String readBackup(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = gz.readAllBytes();
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** {@code bin/palisade run} on a home, stopped with SIGTERM as an operator stops it. */
    private static final class Host implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;

        private Host(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Host start(Path home, String name) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = home.resolve("palisade-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/palisade").toString(), "run", "--home",
                    home.toString(), "--port", Integer.toString(port)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Host host = new Host(builder.start(), log, port);
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)) {
                if (!host.process.isAlive()) {
                    throw new AssertionError("palisade exited before it was ready:\n" + host.log());
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(host.uri("/health")).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return host;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            host.close();
            throw new AssertionError("palisade was not ready within 90 s:\n" + host.log());
        }

        JsonNode send(String method, String path, byte[] body, int expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", path.contains("filename=") ? "application/java-archive"
                        : "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
            return JSON.readTree(response.body());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("palisade did not stop within 30 s of SIGTERM:\n" + log());
            }
        }
    }
}
