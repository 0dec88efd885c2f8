package dev.palisade.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/palisade} of a copy of the assembled distribution as a separate process, the way
 * an operator does, and stops it with SIGTERM.
 */
class DistributionProcessIT {

    @TempDir
    Path temp;

    private Process process;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process palisade(Path script, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        process = builder.start();
        return process;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void scriptIsExecutable() throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(DistributionHome.assembled().resolve("bin/palisade"));
        assertTrue(permissions.contains(PosixFilePermission.OWNER_EXECUTE), permissions.toString());
        assertTrue(permissions.contains(PosixFilePermission.OTHERS_EXECUTE), permissions.toString());
    }

    @Test
    void runsServesAndStopsCleanlyOnSigterm() throws Exception {
        Path home = DistributionHome.copyInto(temp);
        int port = DistributionHome.freePort();
        Path log = temp.resolve("palisade.log");
        Process palisade = palisade(home.resolve("bin/palisade"), log, "run", "--home", home.toString(), "--port", Integer.toString(port));
        URI base = URI.create("http://127.0.0.1:" + port + "/");

        List<Integer> seen = new ArrayList<>();
        HttpResponse<String> health = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!palisade.isAlive()) {
                fail("palisade exited with " + palisade.exitValue() + " before it was ready:\n" + read(log));
            }
            try {
                health = Http.get(base.resolve("health"));
                seen.add(health.statusCode());
                if (health.statusCode() == 503) {
                    assertEquals("{\"status\":\"starting\"}", health.body());
                }
                if (health.statusCode() == 200) {
                    break;
                }
            } catch (ConnectException notYetListening) {
                // Jetty starts at start level 20
            }
            Thread.sleep(20);
        }
        assertTrue(health != null && health.statusCode() == 200, "no 200 from /health within 60 s; statuses " + seen + "\n" + read(log));
        assertTrue(Http.contentType(health).startsWith("application/json"), Http.contentType(health));
        assertTrue(health.body().contains("\"status\":\"ready\""), health.body());
        // before ready: nothing listening, no servlet yet (404) or the health servlet saying 503
        assertTrue(Set.of(404, 503, 200).containsAll(seen), "statuses " + seen);
        System.out.println("DistributionProcessIT: /health statuses before ready " + seen.subList(0, seen.size() - 1).stream().distinct().toList());

        HttpResponse<String> extensions = Http.get(base.resolve("api/v1/mplp/extensions"));
        assertEquals(200, extensions.statusCode(), extensions.body());
        assertTrue(Http.contentType(extensions).startsWith("application/json"), Http.contentType(extensions));
        assertTrue(extensions.body().contains("\"text-tools\""), extensions.body());

        waitForLine(log, "ready at " + base + " with 1 extension (home " + home.toRealPath() + ")");

        palisade.destroy(); // SIGTERM
        assertTrue(palisade.waitFor(10, TimeUnit.SECONDS), "palisade did not stop within 10 s of SIGTERM:\n" + read(log));
        assertEquals(143, palisade.exitValue(), read(log));
        assertTrue(read(log).contains("Palisade stopped"), read(log));
        try {
            Http.get(base.resolve("health"));
            fail("port " + port + " still answers after the process exited");
        } catch (ConnectException expected) {
            // closed
        }
    }

    @Test
    void helpAndBadArguments() throws Exception {
        Path script = DistributionHome.assembled().resolve("bin/palisade");
        Path log = temp.resolve("help.log");
        Process help = palisade(script, log, "--help");
        assertTrue(help.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue(), read(log));
        assertTrue(read(log).contains("usage: palisade (run [--port N] | backup FILE | restore FILE [--force] | audit verify)"
                + " [--home DIR] [--db-url URL] [--db-user USER] | palisade --help"), read(log));

        Path badLog = temp.resolve("bad.log");
        Process bad = palisade(script, badLog, "run", "--port", "eighty");
        assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue(), read(badLog));
        assertEquals("palisade: --port [eighty] is not a port number in 0..65535 (0 = any free port)\n"
                + "usage: palisade (run [--port N] | backup FILE | restore FILE [--force] | audit verify)"
                + " [--home DIR] [--db-url URL] [--db-user USER] | palisade --help\n", read(badLog));
    }

    @Test
    void findsItsHomeThroughASymlinkedScript() throws Exception {
        Path home = DistributionHome.copyInto(temp);
        Files.writeString(home.resolve("etc/palisade.properties"), "palisade.boot.features=from-this-home\n");
        Path links = Files.createDirectories(temp.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("palisade"), Path.of("../" + home.getFileName() + "/bin/palisade"));
        Path outer = Files.createSymbolicLink(temp.resolve("outer-link"), link);
        Path log = temp.resolve("link.log");
        Process run = palisade(outer, log, "run", "--port", "0");
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, run.exitValue(), read(log));
        assertTrue(read(log).startsWith("palisade: cannot start: palisade.boot.features names feature from-this-home,"
                + " which no features file defines; known features: "), read(log));
    }

    private void waitForLine(Path log, String fragment) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (read(log).contains(fragment)) {
                return;
            }
            Thread.sleep(50);
        }
        fail("no line containing [" + fragment + "] in:\n" + read(log));
    }
}
