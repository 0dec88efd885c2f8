package dev.palisade.itests.escape.hostile;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: opens "url" with URL.openConnection and answers "status location" of what it got. */
public final class RedirectStatus extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(text(input, "url")).toURL().openConnection();
        return connection.getResponseCode() + " " + connection.getHeaderField("Location");
    }
}
