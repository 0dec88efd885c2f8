package dev.palisade.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.palisade.host.bridge.HostProblem;

/**
 * Builds RFC 9457 problem documents from {@link HostProblem}s. Stateless.
 */
public final class Problems {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Every problem type is this prefix followed by the problem's slug. */
    public static final String TYPE_PREFIX = "urn:palisade:problem:";

    private Problems() {
    }

    /**
     * @return the document: {@code type} ({@value #TYPE_PREFIX} + slug), {@code title}, {@code status},
     *         {@code detail}, then the problem's own properties in their order; a property may not
     *         replace one of the four standard members (such a property is left out)
     */
    public static Map<String, Object> document(HostProblem problem) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE_PREFIX + problem.type());
        doc.put("title", problem.title());
        doc.put("status", problem.status());
        doc.put("detail", problem.detail());
        problem.properties().forEach(doc::putIfAbsent);
        return doc;
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** @return a 404 problem of type {@code not-found} for a path no resource answers */
    public static HostProblem noResource(String method, String path) {
        return new HostProblem(404, "not-found", "No such resource",
                "no resource answers " + method + " " + path
                        + "; see the REST API documentation for the paths under /api/v1/",
                ordered("method", method, "path", path));
    }

    /** @return a 405 problem naming the allowed methods */
    public static HostProblem methodNotAllowed(String method, String path, String allowed) {
        return new HostProblem(405, "method-not-allowed", "Method not allowed",
                method + " is not supported on " + path + "; use " + allowed,
                ordered("method", method, "path", path, "allowed", allowed));
    }
}
