package dev.palisade.core.extension.kinds;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.palisade.api.extension.JsonValues;
import dev.palisade.web.Json;

/** Deep, mutable copies of the JSON objects the host hands an extension. Stateless and thread-safe. */
final class JsonCopies {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonCopies() {
    }

    /**
     * @param value what a protocol module passed, plain JSON values; {@code null} is an empty object
     * @param what  names the value in the message ({@code the payload of before:task.execute})
     * @return a copy made of host-owned JDK collections
     * @throws IllegalArgumentException naming the first value that is not plain JSON
     */
    static Map<String, Object> of(Map<String, Object> value, String what) {
        if (value == null) {
            return new java.util.LinkedHashMap<>();
        }
        try {
            JsonValues.requireJsonCompatible(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not plain JSON: " + e.getMessage(), e);
        }
        return Json.mapper().convertValue(value, MAP);
    }
}
