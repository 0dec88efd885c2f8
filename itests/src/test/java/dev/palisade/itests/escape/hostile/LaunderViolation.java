package dev.palisade.itests.escape.hostile;

import java.net.Socket;
import java.util.Map;

import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Connects to the listener and turns the denial into an ordinary extension error. */
public final class LaunderViolation extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", number(input, "port"))) {
            return "connected";
        } catch (RuntimeException denied) {
            throw new ExtensionException("upstream_unavailable", "the server did not answer");
        }
    }
}
