package dev.palisade.itests.escape.hostile;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Connects to the loopback address at "port" with Socket.connect. */
public final class SocketAddressConnect extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), number(input, "port")), 2000);
            return "connected";
        }
    }
}
