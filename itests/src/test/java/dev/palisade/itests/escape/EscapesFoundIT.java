package dev.palisade.itests.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        RedirectedCall call = callRedirectedAway("escape-follow-redirect", FollowRedirect.class);

        escape.assertDenied(call.answer(), call.jar(), "net.connect", "127.0.0.1:" + call.elsewherePort());
    }

    @Test
    void aGrantedServerIsReadAndItsRedirectsWithinTheGrantsAreFollowed() throws Exception {
        try (Redirector target = new Redirector("/ok");
             Redirector redirector = new Redirector(target.url("/ok"))) {
            HostileJar jar = HostileJar.of("escape-allowed-redirect", FollowRedirect.class)
                    .permission("net.connect", "127.0.0.1:" + target.port())
                    .permission("net.connect", "127.0.0.1:" + redirector.port());
            escape.deploy(jar);

            for (String url : List.of(redirector.url("/ok"), redirector.url("/"))) {
                Map<String, Object> input = escape.input();
                input.put("url", url);
                Response answer = escape.attack(jar.name(), input);

                assertEquals(200, answer.status(), answer.body());
                assertEquals(Redirector.BODY, answer.json().at("/output/result").asText(), answer.body());
            }
            escape.assertNothingHappened(jar.name());
        }
    }

    @Test
    void aConnectionTheExtensionOpensAnswersTheRedirectInsteadOfFollowingIt() throws Exception {
        RedirectedCall call = callRedirectedAway("escape-redirect-status", RedirectStatus.class);

        assertEquals(200, call.answer().status(), call.answer().body());
        assertEquals("302 http://127.0.0.1:" + call.elsewherePort() + "/", call.result());
    }

    @Test
    void turningRedirectsBackOnIsDenied() throws Exception {
        RedirectedCall call = callRedirectedAway("escape-redirects-turned-on", RedirectsTurnedOn.class);

        escape.assertDenied(call.answer(), call.jar(), "net.connect",
                "127.0.0.1:" + call.grantedPort() + " (following redirects)");
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
        RedirectedCall call = callRedirectedAway("escape-http-client-redirect", HttpClientSend.class);

        assertEquals(200, call.answer().status(), call.answer().body());
        assertEquals("302", call.result());
    }

    /** One call of a fixture at a granted server whose {@code /} redirects to a listener it was not granted. */
    private record RedirectedCall(HostileJar jar, Response answer, int grantedPort, int elsewherePort) {
        String result() {
            return answer.json().at("/output/result").asText();
        }
    }

    /**
     * Deploys {@code fixture} granted net.connect to a redirector only, calls it with the redirector's {@code /}
     * as "url" (and its port as "port"), and asserts that the redirect's target was never reached and nothing
     * else happened.
     */
    private static RedirectedCall callRedirectedAway(String name, Class<?> fixture) throws Exception {
        try (LoopbackListener elsewhere = new LoopbackListener();
             Redirector redirector = new Redirector("http://127.0.0.1:" + elsewhere.port() + "/")) {
            HostileJar jar = HostileJar.of(name, fixture).permission("net.connect", "127.0.0.1:" + redirector.port());
            escape.deploy(jar);
            Map<String, Object> input = escape.input();
            input.put("url", redirector.url("/"));
            input.put("port", redirector.port());

            Response answer = escape.attack(jar.name(), input);

            assertEquals(0, elsewhere.awaitAccepted(1, Duration.ofMillis(500)),
                    "the redirect reached the ungranted listener; the call answered " + answer.body());
            escape.assertNothingHappened(jar.name());
            return new RedirectedCall(jar, answer, redirector.port(), elsewhere.port());
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
