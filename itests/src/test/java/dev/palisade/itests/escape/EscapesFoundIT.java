package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.itests.escape.hostile.DeleteOnClose;
import dev.palisade.itests.escape.hostile.FollowRedirect;
import dev.palisade.itests.escape.hostile.ForgedHostName;
import dev.palisade.itests.escape.hostile.MonitorHog;
import dev.palisade.itests.escape.hostile.ToolProviderJar;
import dev.palisade.itests.escape.hostile.ZipOpenDelete;

/**
 * Escape attempts found while writing the suite, beyond the rows of the catalog: JDK tools run
 * through ToolProvider, deletion with only a read grant (ZipFile OPEN_DELETE, DELETE_ON_CLOSE), a
 * redirect from a granted server, a forged host name, the monitor of System.err. Each test states
 * the containment issue 3 asks for; those the host does not contain yet (seen failing on JDK 17
 * and 25) are disabled with what the sandbox lacks, so that enabling one is the test of its fix.
 */
class EscapesFoundIT extends SharedEscapeHost {

    private static final long TIMEOUT_MS = 1000;

    @Test
    void jdkToolsThroughToolProviderAreRefused() throws Exception {
        HostileJar jar = HostileJar.of("escape-tool-provider-jar", ToolProviderJar.class);
        JsonNode record = escape.upload(jar);
        if (!record.path("outcome").asText().equals("REFUSED")) {
            Response answer = escape.attack(jar.name(), escape.input());
            escape.assertNothingHappened("tool provider (deployed, then called: " + answer.body() + ")");
        }
        assertEquals("REFUSED", record.path("outcome").asText(), record::toString);
        assertTrue(record.path("reason").asText().startsWith("[forbidden-call]"), record::toString);
        assertTrue(record.path("reason").asText().contains("java.util.spi.ToolProvider"), record::toString);
    }

    @Test
    void aReadGrantDoesNotLetZipFileDeleteTheFile() throws Exception {
        assertReadGrantCannotDelete(HostileJar.of("escape-zip-open-delete", ZipOpenDelete.class));
    }

    @Test
    void aReadGrantDoesNotLetDeleteOnCloseDeleteTheFile() throws Exception {
        assertReadGrantCannotDelete(HostileJar.of("escape-delete-on-close", DeleteOnClose.class));
    }

    private static void assertReadGrantCannotDelete(HostileJar jar) throws Exception {
        jar.permission("file.read", "victim.txt");
        escape.deploy(jar);
        Path victim = Files.writeString(Files.createDirectories(escape.dataFolder(jar.id())).resolve("victim.txt"),
                "read me, do not delete me");
        Map<String, Object> input = escape.input();
        input.put("path", victim.toString());

        Response answer = escape.attack(jar.name(), input);

        assertTrue(Files.exists(victim), () -> "the read-only file was deleted; the call answered " + answer.body());
        escape.assertDenied(answer, jar, "file.write", victim.toString());
        escape.assertNothingHappened(jar.name());
    }

    @Test
    @Disabled("not contained (a known gap of the guard report): NetGuard.open checks only the URL the extension"
            + " opens, and HttpURLConnection follows same-protocol redirects by default, so a granted server's 302"
            + " took the connection to an ungranted loopback port (seen: 2 connections accepted). Needed: turn"
            + " redirects off for extension URL connections (or refuse URL.openStream/openConnection for http(s) in"
            + " favour of the HTTP capability, which follows none)")
    void aGrantedServerCannotRedirectTheExtensionElsewhere() throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener()) {
            redirectTo(elsewhere);
        }
    }

    private static void redirectTo(LoopbackListener elsewhere) throws Exception {
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        redirector.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.port() + "/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        try {
            int granted = redirector.getAddress().getPort();
            HostileJar jar = HostileJar.of("escape-follow-redirect", FollowRedirect.class)
                    .permission("net.connect", "127.0.0.1:" + granted);
            escape.deploy(jar);
            Map<String, Object> input = escape.input();
            input.put("granted", granted);

            Response answer = escape.attack(jar.name(), input);

            assertEquals(0, elsewhere.awaitAccepted(1, Duration.ofMillis(500)),
                    "the redirect reached the ungranted listener; the call answered " + answer.body());
            escape.assertDenied(answer, jar, "net.connect", "127.0.0.1:" + elsewhere.port());
            escape.assertNothingHappened(jar.name());
        } finally {
            redirector.stop(0);
        }
    }

    @Test
    void aGrantForAHostNameDoesNotCoverAnyAddressCarryingThatName() throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener()) {
            String name = "partner.palisade.invalid";
            HostileJar jar = HostileJar.of("escape-forged-host-name", ForgedHostName.class)
                    .permission("net.connect", name + ":" + elsewhere.port());
            escape.deploy(jar);
            Map<String, Object> input = escape.input();
            input.put("name", name);
            input.put("port", elsewhere.port());

            Response answer = escape.attack(jar.name(), input);

            assertEquals(0, elsewhere.awaitAccepted(1, Duration.ofMillis(500)),
                    "a connection to 127.0.0.1 passed as " + name + "; the call answered " + answer.body());
            assertEquals(403, answer.status(), answer.body());
            escape.assertNothingHappened(jar.name());
        }
    }

    @Test
    void holdingTheMonitorOfSystemErrDoesNotStallTheHost() throws Exception {
        HostileJar jar = HostileJar.of("escape-monitor-hog", MonitorHog.class).timeoutMs(TIMEOUT_MS);
        escape.deploy(jar);
        Map<String, Object> input = escape.input();
        input.put("millis", 8000);

        long start = System.nanoTime();
        CompletableFuture<Response> hog = CompletableFuture.supplyAsync(() -> escape.attack(jar.name(), input));
        Response answer = hog.get(30, TimeUnit.SECONDS);
        long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals(504, answer.status(), answer.body());
        assertTrue(tookMs < TIMEOUT_MS + 1500, "the timeout was answered after " + tookMs + " ms");
        long healthStart = System.nanoTime();
        escape.assertNothingHappened("monitor hog");
        long healthMs = Duration.ofNanos(System.nanoTime() - healthStart).toMillis();
        assertTrue(healthMs < 3000, "the host answered after " + healthMs + " ms");
    }
}
