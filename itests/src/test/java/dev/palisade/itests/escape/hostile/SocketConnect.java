package dev.palisade.itests.escape.hostile;

import java.net.Socket;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Connects to 127.0.0.1:"port" with new Socket(host, port). */
public final class SocketConnect extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", number(input, "port"))) {
            return "connected";
        }
    }
}
