package dev.palisade.itests.escape.hostile;

import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: builds an InetAddress that carries the granted host name "name" but the
 * address 127.0.0.1, with getByAddress(String, byte[]), and connects to it at "port".
 */
public final class ForgedHostName extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        InetAddress forged = InetAddress.getByAddress(text(input, "name"), new byte[] {127, 0, 0, 1});
        try (Socket socket = new Socket(forged, number(input, "port"))) {
            return "connected to " + socket.getInetAddress().getHostAddress();
        }
    }
}
