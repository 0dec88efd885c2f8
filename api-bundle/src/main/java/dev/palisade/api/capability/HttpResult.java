package dev.palisade.api.capability;

import java.util.List;
import java.util.Map;

/**
 * An HTTP response as the extension sees it.
 *
 * @param status  the status code
 * @param headers the response headers, names in lower case
 * @param body    the body decoded as UTF-8
 */
public record HttpResult(int status, Map<String, List<String>> headers, String body) {

    public HttpResult {
        headers = Map.copyOf(headers);
    }
}
