package dev.palisade.itests.escape.hostile;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: opens http://127.0.0.1:"granted"/, a server it may reach, which redirects to a
 * port it may not; HttpURLConnection follows same-protocol redirects by default.
 */
public final class FollowRedirect extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (InputStream in = URI.create("http://127.0.0.1:" + number(input, "granted") + "/").toURL().openStream()) {
            return in.read();
        }
    }
}
