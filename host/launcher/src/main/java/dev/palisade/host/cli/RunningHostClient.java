package dev.palisade.host.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.host.bridge.AuditCheck;
import dev.palisade.host.bridge.BackupSummary;

/**
 * Talks to the host that runs on a home, through its loopback admin endpoints: the store commands
 * go this way while a host holds the home (an H2 file database is locked by it). Not thread-safe.
 */
final class RunningHostClient {

    static final String BACKUP_PATH = "api/v1/admin/store/backup";
    static final String AUDIT_VERIFY_PATH = "api/v1/admin/audit/verify";
    static final String SUMMARY_HEADER = "Palisade-Backup-Summary";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    /** @param port the running host's HTTP port on 127.0.0.1 */
    RunningHostClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    URI base() {
        return base;
    }

    /**
     * Streams a backup from the host into {@code file} (through {@code file.partial}), printing the
     * percentage received.
     *
     * @return what the backup holds
     * @throws CommandFailure (FAILED) naming what went wrong
     */
    BackupSummary backup(Path file, PrintStream out) {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve(BACKUP_PATH)).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), readAll(response.body()));
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = response.body()) {
            Files.createDirectories(target.getParent());
            try (OutputStream o = Files.newOutputStream(partial)) {
                copy(in, o, length, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new CommandFailure(ExitCodes.FAILED, "writing the backup " + target + " failed: " + e.getMessage()
                    + "; check the folder exists, is writable and has space");
        }
        return summary(response.headers().firstValue(SUMMARY_HEADER).orElse("{}"));
    }

    /**
     * @return the host's verification of its audit chain
     * @throws CommandFailure (FAILED) naming what went wrong
     */
    AuditCheck verifyAudit() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(AUDIT_VERIFY_PATH)).GET(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw failure(response.statusCode(), response.body());
        }
        Map<?, ?> json = MiniJson.object(response.body());
        Object broken = json.get("brokenSeq");
        return new AuditCheck(number(json.get("entriesChecked")), number(json.get("headSeq")),
                broken == null ? null : number(broken), (String) json.get("brokenKind"),
                String.valueOf(json.get("description")));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request.timeout(Duration.ofMinutes(30)).build(), handler);
        } catch (ConnectException e) {
            throw new CommandFailure(ExitCodes.FAILED, "the host that holds this home does not answer on " + base
                    + " (connection refused); wait until it is ready or stop it, then run the command again");
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.FAILED, "the host at " + base + " failed to answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitCodes.FAILED, "interrupted while waiting for the host at " + base);
        }
    }

    private CommandFailure failure(int status, String body) {
        Map<?, ?> problem = MiniJson.object(body);
        Object detail = problem.get("detail");
        return new CommandFailure(ExitCodes.FAILED, detail != null ? detail.toString()
                : "the host at " + base + " answered " + status + ": " + body.strip().replaceAll("\\s+", " "));
    }

    private static void copy(InputStream in, OutputStream o, long length, PrintStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        int shown = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            o.write(buffer, 0, n);
            done += n;
            if (length > 0) {
                int percent = (int) (done * 100 / length);
                if (percent / 25 > shown / 25) {
                    shown = percent;
                    out.println("  received " + percent + "% (" + done + " of " + length + " bytes)");
                    out.flush();
                }
            }
        }
        if (length <= 0) {
            out.println("  received " + done + " bytes");
        }
    }

    static BackupSummary summary(String json) {
        Map<?, ?> s = MiniJson.object(json);
        Map<String, Long> rows = new LinkedHashMap<>();
        if (s.get("rows") instanceof Map<?, ?> r) {
            r.forEach((k, v) -> rows.put(String.valueOf(k), number(v)));
        }
        Object newest = s.get("newestDataAt");
        Object created = s.get("createdAt");
        return new BackupSummary(String.valueOf(s.get("database")), String.valueOf(s.get("schemaVersion")),
                created == null ? null : Instant.parse(created.toString()),
                newest == null ? null : Instant.parse(newest.toString()), rows);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // named .partial: harmless
        }
    }
}
