package dev.palisade.api.extension;

import java.util.List;
import java.util.Map;

/**
 * The rule for values that cross the extension boundary: {@code null}, {@link String},
 * {@link Number}, {@link Boolean}, {@link List} of such values, and {@link Map} with
 * {@link String} keys and such values. No other type may cross, so no class of the host or of an
 * extension leaks to the other side. Stateless and thread-safe.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Checks a value tree against the rule.
     *
     * @param value the value to check
     * @return the same value
     * @throws IllegalArgumentException naming the JSON Pointer of the first value that breaks the
     *         rule and its type
     */
    public static Object requireJsonCompatible(Object value) {
        check(value, "", 0);
        return value;
    }

    private static final int MAX_DEPTH = 256;

    private static void check(Object value, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value at '" + pointer + "' is nested deeper than "
                    + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Number
                || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), pointer + "/" + i, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map at '" + pointer
                            + "' has a key that is not a String: " + typeOf(entry.getKey()));
                }
                check(entry.getValue(), pointer + "/" + escape(key), depth + 1);
            }
            return;
        }
        throw new IllegalArgumentException("value at '" + pointer + "' is a " + typeOf(value)
                + "; only null, String, Number, Boolean, List and Map may cross the extension boundary");
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
