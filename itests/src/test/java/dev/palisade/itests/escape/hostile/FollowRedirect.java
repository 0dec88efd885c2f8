package dev.palisade.itests.escape.hostile;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: reads "url" with URL.openStream, which follows redirects in the JDK; the test points it at a
 * granted server that redirects to a port the extension may not reach. Answers the body it read.
 */
public final class FollowRedirect extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (InputStream in = URI.create(text(input, "url")).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
