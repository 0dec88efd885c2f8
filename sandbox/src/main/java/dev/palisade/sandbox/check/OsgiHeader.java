package dev.palisade.sandbox.check;

import java.util.ArrayList;
import java.util.List;

/** Splits OSGi manifest header values (clauses, paths, parameters), honouring quoted strings. */
final class OsgiHeader {

    private OsgiHeader() {
    }

    /**
     * @param value a header value such as {@code a.b;version="[1,2)",c.d}
     * @return the paths of every clause (the parts before the parameters), e.g. {@code [a.b, c.d]}
     */
    static List<String> paths(String value) {
        List<String> paths = new ArrayList<>();
        for (String clause : split(value, ',')) {
            for (String part : split(clause, ';')) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty() && trimmed.indexOf('=') < 0) {
                    paths.add(trimmed);
                }
            }
        }
        return paths;
    }

    /** @return the first path of the first clause, e.g. the symbolic name of Bundle-SymbolicName */
    static String firstPath(String value) {
        List<String> paths = paths(value);
        return paths.isEmpty() ? "" : paths.get(0);
    }

    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < value.length()) {
                current.append(c);
                c = value.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
