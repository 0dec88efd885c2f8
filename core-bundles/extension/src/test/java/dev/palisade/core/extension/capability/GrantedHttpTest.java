package dev.palisade.core.extension.capability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.palisade.api.capability.ExtensionHttp;
import dev.palisade.api.capability.HttpResult;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.policy.DecisionPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GrantedHttpTest {

    @TempDir
    Path temp;

    private CountingServer granted;
    private CountingServer other;

    @BeforeEach
    void start() throws IOException {
        granted = new CountingServer();
        other = new CountingServer();
    }

    @AfterEach
    void stop() {
        granted.stop();
        other.stop();
    }

    @Test
    void aGrantedRequestIsSentAndAnswered() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + granted.port()).http();

        HttpResult get = http.get(granted.url("/hello"));
        assertEquals(200, get.status());
        assertEquals("GET /hello ", get.body());
        assertEquals(List.of("yes"), get.headers().get("x-counted"));

        HttpResult post = http.send("post", granted.url("/echo"), Map.of("X-Trace", "t1"), "{\"a\":1}",
                Duration.ofSeconds(5));
        assertEquals("POST /echo t1 {\"a\":1}", post.body());
        assertEquals(2, granted.requests());
        assertEquals(0, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void anUngrantedPortIsDeniedWithoutARequest() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + granted.port()).http();

        SandboxViolation denied = assertThrows(SandboxViolation.class, () -> http.get(other.url("/steal")));
        assertEquals("extension [" + t.extensionId + "], permission [net.connect], target [127.0.0.1:" + other.port()
                + "]", denied.getMessage());
        assertEquals(0, other.requests());
        assertEquals(0, granted.requests());
        assertEquals(1, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void aRedirectToAnUngrantedPortIsNotFollowed() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + granted.port()).http();

        HttpResult result = http.get(granted.url("/redirect?to=" + other.url("/steal")));
        assertEquals(302, result.status());
        assertEquals(List.of(other.url("/steal")), result.headers().get("location"));
        assertEquals(1, granted.requests());
        assertEquals(0, other.requests());
    }

    @Test
    void anUngrantedNameIsDeniedBeforeItIsResolved() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + granted.port()).http();
        // .invalid never resolves: a resolution attempt would fail as http_error, not as a denial
        SandboxViolation plain = assertThrows(SandboxViolation.class, () -> http.get("http://exfil.invalid/x"));
        assertEquals("exfil.invalid:80", plain.target());
        SandboxViolation tls = assertThrows(SandboxViolation.class, () -> http.get("https://exfil.invalid/x"));
        assertEquals("exfil.invalid:443", tls.target());
    }

    @Test
    void aNameGrantDoesNotCoverTheAddressAndTheOtherWayRound() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect localhost:" + granted.port()).http();
        assertEquals(200, http.get("http://localhost:" + granted.port() + "/by-name").status());
        assertThrows(SandboxViolation.class, () -> http.get(granted.url("/by-address")));
        assertEquals(1, granted.requests());
    }

    @Test
    void bodiesBeyondTheLimitAreRefused() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + granted.port()).http();
        for (String mode : new String[] {"fixed", "chunked"}) {
            ExtensionException tooLarge = assertThrows(ExtensionException.class,
                    () -> http.get(granted.url("/large?mode=" + mode)));
            assertEquals("response_too_large", tooLarge.code(), mode);
            assertEquals("the response of " + granted.url("/large?mode=" + mode) + " has a body larger than "
                    + GrantedHttp.MAX_BODY_BYTES + " bytes, the most the host reads; ask for less",
                    tooLarge.getMessage());
        }
        ExtensionException request = assertThrows(ExtensionException.class, () -> http.send("POST",
                granted.url("/echo"), Map.of(), "x".repeat(GrantedHttp.MAX_BODY_BYTES + 1), Duration.ofSeconds(5)));
        assertEquals("invalid_request", request.code());
    }

    @Test
    void aSlowServerTimesOut() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + granted.port()).http();
        long start = System.nanoTime();
        ExtensionException timeout = assertThrows(ExtensionException.class,
                () -> http.send("GET", granted.url("/slow"), Map.of(), null, Duration.ofMillis(300)));
        assertEquals("http_timeout", timeout.code());
        assertEquals(granted.url("/slow") + " did not answer within PT0.3S", timeout.getMessage());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(true, millis < 2500, "took " + millis + " ms");
    }

    @Test
    void aGrantedPortWithoutAServerIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect 127.0.0.1:" + closed).http();
        ExtensionException unavailable = assertThrows(ExtensionException.class,
                () -> http.get("http://127.0.0.1:" + closed + "/"));
        assertEquals("http_unavailable", unavailable.code());
    }

    @Test
    void malformedRequestsAreRefusedWithoutARequest() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionHttp http = t.capabilities("net.connect *:*").http();
        String url = granted.url("/x");
        assertEquals("\"ftp://127.0.0.1/x\" is not an http or https URI",
                assertThrows(ExtensionException.class, () -> http.get("ftp://127.0.0.1/x")).getMessage());
        assertEquals("method \"TRACE\" is not supported; use one of GET, POST, PUT, PATCH, DELETE, HEAD",
                assertThrows(ExtensionException.class,
                        () -> http.send("TRACE", url, Map.of(), null, Duration.ofSeconds(1))).getMessage());
        assertEquals("timeout PT0S is not allowed; give a duration above zero and at most PT5M",
                assertThrows(ExtensionException.class,
                        () -> http.send("GET", url, Map.of(), null, Duration.ZERO)).getMessage());
        assertEquals("invalid_request", assertThrows(ExtensionException.class,
                () -> http.send("GET", url, Map.of("Host", "evil.example"), null, Duration.ofSeconds(1))).code());
        assertEquals("invalid_request", assertThrows(ExtensionException.class, () -> http.get("/relative")).code());
        assertEquals(0, granted.requests());
    }

    /** A loopback HTTP server that counts the requests it receives. */
    static final class CountingServer {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final AtomicInteger requests = new AtomicInteger();

        CountingServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        int requests() {
            return requests.get();
        }

        void stop() {
            server.stop(0);
            executor.shutdownNow();
        }

        private void handle(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            byte[] request = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Counted", "yes");
            switch (path) {
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", query.substring("to=".length()));
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/large" -> {
                    int size = GrantedHttp.MAX_BODY_BYTES + 1;
                    exchange.sendResponseHeaders(200, query.equals("mode=fixed") ? size : 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[64 * 1024];
                        for (int sent = 0; sent < size; sent += chunk.length) {
                            out.write(chunk, 0, Math.min(chunk.length, size - sent));
                        }
                    } catch (IOException expected) {
                        // the client hangs up once the limit is passed
                    }
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> {
                    String trace = exchange.getRequestHeaders().getFirst("X-Trace");
                    byte[] body = (exchange.getRequestMethod() + " " + path + " " + (trace == null ? "" : trace + " ")
                            + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
            exchange.close();
        }
    }
}
