package dev.palisade.itests.escape.hostile;

import java.net.URL;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Installs a URL stream handler factory, redirecting every URL the host opens. */
public final class StreamHandlerFactory extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        URL.setURLStreamHandlerFactory(protocol -> null);
        return "factory installed";
    }
}
