package dev.palisade.protocol;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.palisade.host.bridge.HostProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Query parameters of list and stream requests, checked: a bad value is a 400 {@code schema-violation}
 * whose field is the parameter's name. Stateless.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /**
     * @return the parameter as a whole number within {@code [min, max]}, or {@code fallback} when absent
     */
    public static long number(HttpServletRequest request, String name, long fallback, long min, long max) {
        String text = request.getParameter(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw refused(name, "type", "'" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw refused(name, value < min ? "minimum" : "maximum",
                    value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** @return the parameter when it is one of {@code allowed}, {@code null} when absent */
    public static String oneOf(HttpServletRequest request, String name, Set<String> allowed) {
        String value = request.getParameter(name);
        if (value != null && !allowed.contains(value)) {
            throw refused(name, "enum", "'" + value + "' is not one of " + List.copyOf(new TreeSet<>(allowed)));
        }
        return value;
    }

    private static HostProblem refused(String name, String rule, String message) {
        return ProtocolProblems.invalid("the query parameter " + name + " is not accepted", name, rule, message);
    }
}
