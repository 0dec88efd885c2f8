package dev.palisade.itests.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on the loopback address that accepts, counts and closes every connection: the
 * witness that a network attempt reached nothing (count 0) or that a granted one got through.
 */
final class LoopbackListener implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    LoopbackListener() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server.setSoTimeout(100);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback address", e);
        }
        acceptor = new Thread(this::acceptAll, "escape-listener-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port it listens on, on 127.0.0.1 */
    int port() {
        return server.getLocalPort();
    }

    /** @return the connections accepted so far */
    int accepted() {
        return accepted.get();
    }

    /** Waits up to {@code wait} for at least {@code count} connections; returns the count then. */
    int awaitAccepted(int count, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (accepted.get() < count && Instant.now().isBefore(deadline)) {
            pause(20);
        }
        return accepted.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                accepted.incrementAndGet();
            } catch (SocketTimeoutException idle) {
                // keep listening
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
