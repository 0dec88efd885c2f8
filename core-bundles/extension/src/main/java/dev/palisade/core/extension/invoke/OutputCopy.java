package dev.palisade.core.extension.invoke;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a plugin's output into plain JDK values — {@link LinkedHashMap}, {@link ArrayList}, {@link String},
 * {@link Boolean}, and {@link Long}, {@link Integer}, {@link Double}, {@link BigInteger} or {@link BigDecimal} —
 * under the rule of {@link dev.palisade.api.extension.JsonValues}. Runs on the extension's thread, inside the
 * invocation's time limit: reading an extension's own {@code Map}, {@code List} or {@code Number} subclass runs
 * its code, so that must happen there; the host only ever touches the copy. Stateless and thread-safe.
 */
public final class OutputCopy {

    private static final int MAX_DEPTH = 256;

    private OutputCopy() {
    }

    /** Why an output cannot cross the boundary; its message names the JSON Pointer and the type. */
    public static final class NotJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotJson(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param value the plugin's output
     * @return a copy made only of JDK classes
     * @throws NotJson naming the first value that breaks the rule
     */
    public static Object copy(Object value) {
        return copy(value, "", 0);
    }

    private static Object copy(Object value, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new NotJson("value at '" + pointer + "' is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value; // final JDK classes
        }
        if (value instanceof Number number) {
            return number(number, pointer);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            int i = 0;
            for (Object item : list) {
                copy.add(copy(item, pointer + "/" + i++, depth + 1));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    Object k = entry.getKey();
                    throw new NotJson("map at '" + pointer + "' has a key that is not a String: "
                            + (k == null ? "null" : k.getClass().getName()));
                }
                copy.put(key, copy(entry.getValue(), pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                        depth + 1));
            }
            return copy;
        }
        throw new NotJson("value at '" + pointer + "' is a " + value.getClass().getName()
                + "; only null, String, Number, Boolean, List and Map may cross the extension boundary");
    }

    private static Object number(Number number, String pointer) {
        Class<?> type = number.getClass();
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == Double.class || type == Float.class || type == BigInteger.class
                || type == BigDecimal.class) {
            return number; // immutable JDK classes
        }
        String text = String.valueOf(number);
        try {
            if (number instanceof BigDecimal) {
                return new BigDecimal(text);
            }
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException notLong) {
                try {
                    return new BigInteger(text);
                } catch (NumberFormatException notInteger) {
                    return new BigDecimal(text);
                }
            }
        } catch (NumberFormatException e) {
            throw new NotJson("value at '" + pointer + "' is a " + type.getName() + " whose text is not a number");
        }
    }
}
