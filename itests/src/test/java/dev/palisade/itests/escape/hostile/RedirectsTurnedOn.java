package dev.palisade.itests.escape.hostile;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: opens "url" with URL.openConnection, turns redirects back on and answers the status. */
public final class RedirectsTurnedOn extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(text(input, "url")).toURL().openConnection();
        connection.setInstanceFollowRedirects(true);
        return connection.getResponseCode();
    }
}
