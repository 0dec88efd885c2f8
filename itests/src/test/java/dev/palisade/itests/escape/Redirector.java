package dev.palisade.itests.escape;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on the loopback address for the redirect escapes: {@code /} answers 302 with a
 * {@code Location} chosen by the test, {@code /ok} answers 200 with the body {@value #BODY}.
 */
final class Redirector implements AutoCloseable {

    static final String BODY = "granted";

    private final HttpServer server;

    /** @param location where {@code /} redirects to */
    Redirector(String location) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/ok", exchange -> {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** @return its port on 127.0.0.1 */
    int port() {
        return server.getAddress().getPort();
    }

    /** @return {@code http://127.0.0.1:<port><path>} */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
