package dev.palisade.itests.bench;

import java.util.Map;

import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.extension.UnknownMethodException;

/** Benchmark extension: {@code ping} answers a constant object; the cheapest call a plugin can serve. */
public final class PingPlugin implements Plugin {

    static final Map<String, Object> PONG = Map.of("pong", true);

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        if (!method.equals("ping")) {
            throw new UnknownMethodException(method);
        }
        return PONG;
    }
}
