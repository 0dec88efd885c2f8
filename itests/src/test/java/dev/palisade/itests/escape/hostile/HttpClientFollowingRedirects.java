package dev.palisade.itests.escape.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: sends to "url" with an HttpClient built to follow every redirect. */
public final class HttpClientFollowingRedirects extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        return client.send(HttpRequest.newBuilder(URI.create(text(input, "url"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
