package dev.palisade.distribution.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/palisade} of a distribution copy, run as its own process the way an operator runs it:
 * standard output and error go to separate files, the environment is the test's plus what a test sets.
 */
final class PalisadeProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private PalisadeProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code home/bin/palisade args...}; logs go to {@code logs/NAME.out|err}. */
    static PalisadeProcess start(Path home, Path logs, String name, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/palisade").toString());
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("JAVA_OPTS");
            builder.environment().remove("PALISADE_DB_PASSWORD");
            builder.environment().putAll(env);
            return new PalisadeProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end (within 90 s). */
    static PalisadeProcess run(Path home, Path logs, String name, Map<String, String> env, String... args) {
        PalisadeProcess p = start(home, logs, name, env, args);
        p.waitForExit(90);
        return p;
    }

    void waitForExit(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("palisade did not finish within " + seconds + " s:\n" + out() + err());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    String out() {
        return read(stdout);
    }

    /** @return what palisade wrote to stderr */
    String err() {
        return read(stderr);
    }

    /** @return stdout and stderr, for assertion messages */
    String output() {
        return "--- stdout\n" + out() + "--- stderr\n" + read(stderr);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /health} answers 200 on {@code port}. */
    void awaitReady(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("palisade exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            try {
                if (get(port, "health").statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // not listening yet
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sleep(50);
        }
        fail("no 200 from /health within 60 s:\n" + output());
    }

    /** SIGTERM and wait for the clean stop. */
    void stop() {
        process.destroy();
        waitForExit(30);
        assertTrue(out().contains("Palisade stopped"), output());
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill9() {
        process.destroyForcibly();
        waitForExit(30);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(30);
        }
    }

    static HttpResponse<String> get(int port, String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    static HttpResponse<String> postJson(int port, String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
