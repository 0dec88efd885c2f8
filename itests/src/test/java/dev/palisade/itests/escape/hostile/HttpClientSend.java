package dev.palisade.itests.escape.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Sends an HTTP request to 127.0.0.1:"port" with java.net.http.HttpClient. */
public final class HttpClientSend extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + number(input, "port") + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
