package dev.palisade.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path with named segments, {@code /contexts/{id}/variables/{key}}, matched segment by segment
 * against a request path (no wildcards, no partial segments). A segment value is percent-decoded.
 * Immutable; thread-safe.
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;

    private PathTemplate(String template) {
        this.template = template;
        this.segments = List.of(split(template));
    }

    /** @param template a path starting with {@code /}, segments in braces name a value */
    public static PathTemplate of(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path template '" + template + "' does not start with /");
        }
        return new PathTemplate(template);
    }

    /**
     * @param path a request path ({@code /contexts/1234}); a trailing {@code /} is ignored
     * @return the named values when the path matches, empty otherwise
     */
    public Optional<Map<String, String>> match(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] parts = split(trimmed);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String seg = segments.get(i);
            if (seg.startsWith("{") && seg.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                values.put(seg.substring(1, seg.length() - 1),
                        java.net.URLDecoder.decode(parts[i].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            } else if (!seg.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static String[] split(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    @Override
    public String toString() {
        return template;
    }
}
