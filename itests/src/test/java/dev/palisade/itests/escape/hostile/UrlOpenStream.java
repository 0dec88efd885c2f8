package dev.palisade.itests.escape.hostile;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Opens http://127.0.0.1:"port"/ with URL.openStream. */
public final class UrlOpenStream extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (InputStream in = URI.create("http://127.0.0.1:" + number(input, "port") + "/").toURL().openStream()) {
            return in.read();
        }
    }
}
