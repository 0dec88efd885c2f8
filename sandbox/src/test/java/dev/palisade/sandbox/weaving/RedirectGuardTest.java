package dev.palisade.sandbox.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.weaving.fixtures.UrlConnectionStatus;
import dev.palisade.sandbox.weaving.fixtures.UrlFollowRedirects;
import dev.palisade.sandbox.weaving.fixtures.UrlRead;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * HTTP redirects of extension URL connections: a granted server's redirect is followed only to a granted
 * host:port (URL.openStream), is answered as it is on a connection from URL.openConnection, and redirects
 * cannot be turned back on.
 */
class RedirectGuardTest {

    @TempDir
    Path temp;
    Path data;
    String id;
    TestPolicy policy = TestPolicy.installed();
    WovenClasses woven;
    HttpServer granted;
    HttpServer elsewhere;
    AtomicInteger elsewhereHits = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(temp.toRealPath().resolve("data"));
        id = "ext-" + System.nanoTime();
        woven = new WovenClasses(id);
        elsewhere = server();
        elsewhere.createContext("/", exchange -> {
            elsewhereHits.incrementAndGet();
            byte[] body = "elsewhere".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        granted = server();
        granted.createContext("/away", exchange -> {
            exchange.getResponseHeaders().add("Location", url(elsewhere, "/"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        granted.createContext("/here", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        granted.createContext("/ok", exchange -> {
            byte[] body = "granted".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        policy.grant(id, data, "net.connect " + hostPort(granted));
    }

    @AfterEach
    void tearDown() {
        granted.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void openStreamReadsAGrantedServerAndFollowsItsRedirectsWithinTheGrant() {
        assertEquals("granted", woven.create(UrlRead.class).apply(url(granted, "/ok")));
        assertEquals("granted", woven.create(UrlRead.class).apply(url(granted, "/here")));
    }

    @Test
    void openStreamIsDeniedARedirectToAnUngrantedPortBeforeConnectingThere() {
        SandboxViolation violation = assertThrows(SandboxViolation.class,
                () -> woven.create(UrlRead.class).apply(url(granted, "/away")));

        assertEquals("extension [" + id + "], permission [net.connect], target [" + hostPort(elsewhere) + "]",
                violation.getMessage());
        assertEquals(0, elsewhereHits.get());
    }

    @Test
    void openStreamFollowsARedirectToAPortGrantedToo() {
        policy.grant(id, data, "net.connect " + hostPort(granted), "net.connect " + hostPort(elsewhere));

        assertEquals("elsewhere", woven.create(UrlRead.class).apply(url(granted, "/away")));
        assertEquals(1, elsewhereHits.get());
    }

    @Test
    void aConnectionFromOpenConnectionAnswersTheRedirectInsteadOfFollowingIt() {
        assertEquals("302 " + url(elsewhere, "/"), woven.create(UrlConnectionStatus.class).apply(url(granted, "/away")));
        assertEquals(0, elsewhereHits.get());
    }

    @Test
    void turningRedirectsBackOnIsDenied() {
        SandboxViolation violation = assertThrows(SandboxViolation.class,
                () -> woven.create(UrlFollowRedirects.class).apply(url(granted, "/away")));

        assertEquals("extension [" + id + "], permission [net.connect], target [" + hostPort(granted)
                + " (following redirects)]", violation.getMessage());
        assertEquals(0, elsewhereHits.get());
    }

    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.start();
        return server;
    }

    private static String hostPort(HttpServer server) {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static String url(HttpServer server, String path) {
        return "http://" + hostPort(server) + path;
    }
}
