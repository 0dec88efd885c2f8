package dev.palisade.host.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/** Checks, before the framework starts, that the HTTP port is free on 127.0.0.1. */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * @param port the port; 0 (any free port) is always available
     * @throws PalisadeStartException (PORT_IN_USE) when something else listens there
     */
    static void requireFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
        } catch (IOException e) {
            throw new PalisadeStartException(StartFailure.PORT_IN_USE, "port " + port
                    + " on 127.0.0.1 is in use (" + e.getMessage()
                    + "); stop what holds it or choose another port (--port N, or 0 for any free port)", e);
        }
    }
}
