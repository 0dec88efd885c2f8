package dev.palisade.api.capability;

import java.time.Duration;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * HTTP to the host:port pairs granted with {@code net.connect}. Redirects are not followed (a
 * redirect is returned as it is), so a granted server cannot send the call somewhere else.
 */
@ProviderType
public interface ExtensionHttp {

    /**
     * Sends one request.
     *
     * @param method  GET, POST, PUT, PATCH, DELETE or HEAD
     * @param uri     an absolute http or https URI
     * @param headers request headers; may be empty
     * @param body    the request body as UTF-8 text, or {@code null} for none
     * @param timeout how long to wait for the whole exchange
     * @return the response
     */
    HttpResult send(String method, String uri, Map<String, String> headers, String body, Duration timeout);

    /** Same as {@code send("GET", uri, Map.of(), null, Duration.ofSeconds(10))}. */
    HttpResult get(String uri);
}
