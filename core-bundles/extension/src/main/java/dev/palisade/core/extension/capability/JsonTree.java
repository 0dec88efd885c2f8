package dev.palisade.core.extension.capability;

import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.extension.JsonValues;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a JSON-compatible value from an extension into a tree of the JDK's own types
 * ({@link String}, {@link Boolean}, {@link Long}, {@link Double}, {@link BigInteger},
 * {@link BigDecimal}, {@link ArrayList}, {@link LinkedHashMap}), so that no object of the
 * extension's classes (a {@code Number} or {@code Map} subclass) stays in the host or reaches a
 * serializer. Stateless.
 */
final class JsonTree {

    private JsonTree() {
    }

    /**
     * @param value what the extension passed
     * @return a deep copy made only of JDK types
     * @throws ExtensionException with code {@code invalid_value} naming what breaks the rule
     */
    static Object copy(Object value) {
        try {
            JsonValues.requireJsonCompatible(value);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return copy(value, "", 0);
    }

    /** As deep as {@link JsonValues} allows. */
    private static final int MAX_DEPTH = 256;

    private static Object copy(Object value, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("value at '" + pointer + "' is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number, pointer);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copy(element, pointer + "/" + copy.size(), depth + 1));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw invalid("map at '" + pointer + "' has a key that is not a String");
                }
                copy.put(key, copy(entry.getValue(), pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
                        depth + 1));
            }
            return copy;
        }
        throw invalid("value at '" + pointer + "' is a " + value.getClass().getName()
                + "; only null, String, Number, Boolean, List and Map may be stored");
    }

    private static Object number(Number number, String pointer) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof AtomicInteger || number instanceof AtomicLong) {
            return number.longValue();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw invalid("number at '" + pointer + "' is " + d + "; JSON has no NaN or infinity");
            }
            return d;
        }
        if (number instanceof BigInteger big) {
            return new BigInteger(big.toByteArray());
        }
        if (number instanceof BigDecimal big) {
            return new BigDecimal(new BigInteger(big.unscaledValue().toByteArray()), big.scale());
        }
        throw invalid("number at '" + pointer + "' is a " + number.getClass().getName()
                + "; use Integer, Long, Double, BigInteger or BigDecimal");
    }

    private static ExtensionException invalid(String problem) {
        return new ExtensionException("invalid_value", problem);
    }
}
