package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.ExtensionHttp;
import dev.palisade.api.capability.HttpResult;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.sandbox.permission.PermissionKind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link ExtensionHttp} checked against the extension's net.connect grants. The URI's host and port
 * (80 for http, 443 for https when none is given) are checked as written, before anything else
 * happens: an ungranted name is never resolved and no connection is opened. The shared client
 * never follows redirects, so a granted server cannot send the call on to an ungranted one; a
 * redirect comes back as the response it is. Response bodies are limited to
 * {@value #MAX_BODY_BYTES} bytes and request bodies likewise. Thread-safe.
 */
final class GrantedHttp implements ExtensionHttp {

    /** The largest request or response body. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The longest timeout an extension may ask for. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    /** The timeout of {@link #get}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private final InvocationScope scope;
    private final Supplier<HttpClient> client;

    GrantedHttp(InvocationScope scope, Supplier<HttpClient> client) {
        this.scope = scope;
        this.client = client;
    }

    /** @return the client the capability shares: no redirects, no cookies, a bounded connect time */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(DEFAULT_TIMEOUT)
                .build();
    }

    @Override
    public HttpResult get(String uri) {
        return send("GET", uri, Map.of(), null, DEFAULT_TIMEOUT);
    }

    @Override
    public HttpResult send(String method, String uri, Map<String, String> headers, String body, Duration timeout) {
        scope.requireOpen();
        URI target = parse(uri);
        String host = target.getHost();
        int port = target.getPort() == -1 ? (target.getScheme().equalsIgnoreCase("https") ? 443 : 80) : target.getPort();
        if (!scope.grants().mayConnect(host, null, port)) {
            throw scope.deny(PermissionKind.NET_CONNECT.id(), host + ":" + port);
        }
        HttpRequest request = request(method, target, headers, body, timeout);
        HttpResponse<byte[]> response;
        try {
            response = client.get().send(request, LimitedBody.handler(MAX_BODY_BYTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException("interrupted", "the request to " + target + " was interrupted", e);
        } catch (IOException e) {
            throw failure(target, timeout, e);
        }
        return new HttpResult(response.statusCode(), headers(response), new String(response.body(),
                StandardCharsets.UTF_8));
    }

    private static URI parse(String uri) {
        if (uri == null) {
            throw invalid("no URI given; give an absolute http or https URI");
        }
        URI target;
        try {
            target = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid("\"" + LogText.escape(uri, 300) + "\" is not a URI: " + e.getMessage());
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("\"" + LogText.escape(uri, 300) + "\" is not an http or https URI");
        }
        if (target.getHost() == null) {
            throw invalid("\"" + LogText.escape(uri, 300) + "\" names no host (or a host name the URI syntax"
                    + " does not allow); give an absolute URI such as https://api.example.org/path");
        }
        return target;
    }

    private static HttpRequest request(String method, URI target, Map<String, String> headers, String body,
            Duration timeout) {
        String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            throw invalid("method " + (method == null ? "null" : "\"" + LogText.escape(method, 40) + "\"")
                    + " is not supported; use one of GET, POST, PUT, PATCH, DELETE, HEAD");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid("timeout " + timeout + " is not allowed; give a duration above zero and at most "
                    + MAX_TIMEOUT);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BODY_BYTES) {
                throw invalid("the request body is " + bytes.length + " bytes; it may have at most "
                        + MAX_BODY_BYTES);
            }
            publisher = HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout).method(verb, publisher);
            if (headers != null) {
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    if (header.getKey() == null || header.getValue() == null) {
                        throw invalid("header " + header.getKey() + " has no name or no value");
                    }
                    builder.header(header.getKey(), header.getValue());
                }
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw invalid("the request to " + target + " is not valid: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> headers(HttpResponse<?> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }

    private static ExtensionException failure(URI target, Duration timeout, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedBody.TooLarge) {
                return new ExtensionException("response_too_large", "the response of " + target + " has a body"
                        + " larger than " + MAX_BODY_BYTES + " bytes, the most the host reads; ask for less", e);
            }
        }
        if (e instanceof HttpTimeoutException) {
            return new ExtensionException("http_timeout", target + " did not answer within " + timeout, e);
        }
        if (e instanceof ConnectException) {
            return new ExtensionException("http_unavailable", "could not connect to " + target.getHost() + ":"
                    + (target.getPort() == -1 ? "default port" : target.getPort()) + " (" + e + ")", e);
        }
        return new ExtensionException("http_error", "the request to " + target + " failed: " + e, e);
    }

    private static ExtensionException invalid(String message) {
        return new ExtensionException("invalid_request", message);
    }
}
