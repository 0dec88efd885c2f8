package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.itests.RunningDistribution.Response;
import dev.palisade.itests.escape.hostile.DeleteOnClose;
import dev.palisade.itests.escape.hostile.FollowRedirect;
import dev.palisade.itests.escape.hostile.ForgedHostName;
import dev.palisade.itests.escape.hostile.HttpClientFollowingRedirects;
import dev.palisade.itests.escape.hostile.HttpClientSend;
import dev.palisade.itests.escape.hostile.MonitorHog;
import dev.palisade.itests.escape.hostile.RedirectStatus;
import dev.palisade.itests.escape.hostile.RedirectsTurnedOn;
import dev.palisade.itests.escape.hostile.ToolProviderJar;
import dev.palisade.itests.escape.hostile.ZipOpenDelete;

/**
 * Escape attempts found while writing the suite, beyond the rows of the catalog: JDK tools run
 * through ToolProvider, deletion with only a read grant (ZipFile OPEN_DELETE, DELETE_ON_CLOSE), a
 * redirect from a granted server (URL.openStream, URL.openConnection, turning redirects back on,
 * HttpClient), a forged host name, the monitor of System.err. Each test states the containment
 * issue 3 asks for, with allowed variants where a grant must keep working.
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
    void aGrantedServerCannotRedirectTheExtensionElsewhere() throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener();
             Redirector redirector = new Redirector("http://127.0.0.1:" + elsewhere.port() + "/")) {
            HostileJar jar = grantedTo(HostileJar.of("escape-follow-redirect", FollowRedirect.class), redirector);

            Response answer = escape.attack(jar.name(), withUrl(redirector.url("/")));

            assertNotReached(elsewhere, answer);
            escape.assertDenied(answer, jar, "net.connect", "127.0.0.1:" + elsewhere.port());
            escape.assertNothingHappened(jar.name());
        }
    }

    @Test
    void aGrantedServerIsReadAndItsRedirectsWithinTheGrantsAreFollowed() throws Exception {
        try (Redirector target = new Redirector("/ok");
             Redirector redirector = new Redirector(target.url("/ok"))) {
            HostileJar jar = HostileJar.of("escape-allowed-redirect", FollowRedirect.class)
                    .permission("net.connect", "127.0.0.1:" + target.port());
            grantedTo(jar, redirector);

            Response direct = escape.attack(jar.name(), withUrl(redirector.url("/ok")));
            Response redirected = escape.attack(jar.name(), withUrl(redirector.url("/")));

            assertEquals(200, direct.status(), direct.body());
            assertEquals(Redirector.BODY, direct.json().at("/output/result").asText(), direct.body());
            assertEquals(200, redirected.status(), redirected.body());
            assertEquals(Redirector.BODY, redirected.json().at("/output/result").asText(), redirected.body());
            escape.assertNothingHappened(jar.name());
        }
    }

    @Test
    void aConnectionTheExtensionOpensAnswersTheRedirectInsteadOfFollowingIt() throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener();
             Redirector redirector = new Redirector("http://127.0.0.1:" + elsewhere.port() + "/")) {
            HostileJar jar = grantedTo(HostileJar.of("escape-redirect-status", RedirectStatus.class), redirector);

            Response answer = escape.attack(jar.name(), withUrl(redirector.url("/")));

            assertNotReached(elsewhere, answer);
            assertEquals(200, answer.status(), answer.body());
            assertEquals("302 http://127.0.0.1:" + elsewhere.port() + "/", answer.json().at("/output/result").asText());
            escape.assertNothingHappened(jar.name());
        }
    }

    @Test
    void turningRedirectsBackOnIsDenied() throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener();
             Redirector redirector = new Redirector("http://127.0.0.1:" + elsewhere.port() + "/")) {
            HostileJar jar = grantedTo(HostileJar.of("escape-redirects-turned-on", RedirectsTurnedOn.class), redirector);

            Response answer = escape.attack(jar.name(), withUrl(redirector.url("/")));

            assertNotReached(elsewhere, answer);
            escape.assertDenied(answer, jar, "net.connect", "127.0.0.1:" + redirector.port() + " (following redirects)");
            escape.assertNothingHappened(jar.name());
        }
    }

    @Test
    void anHttpClientBuiltToFollowRedirectsIsRefused() throws Exception {
        HostileJar jar = HostileJar.of("escape-http-client-follows", HttpClientFollowingRedirects.class)
                .permission("net.connect", "127.0.0.1:1-65535");

        JsonNode record = escape.upload(jar);

        assertEquals("REFUSED", record.path("outcome").asText(), record::toString);
        assertTrue(record.path("reason").asText().startsWith("[forbidden-call]"), record::toString);
        assertTrue(record.path("reason").asText().contains("java.net.http.HttpClient$Builder.followRedirects("),
                record::toString);
        escape.assertNothingHappened(jar.name());
    }

    @Test
    void anHttpClientAnswersTheRedirectInsteadOfFollowingIt() throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener();
             Redirector redirector = new Redirector("http://127.0.0.1:" + elsewhere.port() + "/")) {
            HostileJar jar = grantedTo(HostileJar.of("escape-http-client-redirect", HttpClientSend.class), redirector);
            Map<String, Object> input = escape.input();
            input.put("port", redirector.port());

            Response answer = escape.attack(jar.name(), input);

            assertNotReached(elsewhere, answer);
            assertEquals(200, answer.status(), answer.body());
            assertEquals("302", answer.json().at("/output/result").asText(), answer.body());
            escape.assertNothingHappened(jar.name());
        }
    }

    /** Deploys {@code jar} granted net.connect to the redirector (only), and returns it. */
    private static HostileJar grantedTo(HostileJar jar, Redirector redirector) throws Exception {
        jar.permission("net.connect", "127.0.0.1:" + redirector.port());
        escape.deploy(jar);
        return jar;
    }

    private static Map<String, Object> withUrl(String url) {
        Map<String, Object> input = escape.input();
        input.put("url", url);
        return input;
    }

    private static void assertNotReached(LoopbackListener elsewhere, Response answer) {
        assertEquals(0, elsewhere.awaitAccepted(1, Duration.ofMillis(500)),
                "the redirect reached the ungranted listener; the call answered " + answer.body());
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
