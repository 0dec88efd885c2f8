package dev.palisade.store.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.palisade.store.StoreInputException;

/**
 * JSON columns, the portable way: the value is written as canonical JSON text (object keys sorted,
 * no whitespace) into a {@code TEXT} column and parsed in Java. Nothing queries inside it, so H2 and
 * PostgreSQL hold the same bytes, a hash over the text is stable, and a backup copies it verbatim.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonText() {
    }

    /** @return the shared mapper (thread-safe once configured) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param field  the field's name, for the error
     * @param object a JSON-compatible map (Map, List, String, Number, Boolean, null inside), or null
     *               for {@code {}}
     * @return canonical JSON text
     * @throws StoreInputException when a value is not JSON-compatible
     */
    public static String canonicalObject(String field, Map<String, ?> object) {
        if (object == null) {
            return "{}";
        }
        requireJsonValue(field, object);
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new StoreInputException(field, "cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** @return the object the text holds, keys in stored order */
    public static Map<String, Object> parseObject(String field, String text) {
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new StoreInputException(field, "holds text that is not a JSON object: " + e.getOriginalMessage());
        }
    }

    private static void requireJsonValue(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new StoreInputException(path, "has a key that is not a string: " + e.getKey());
                }
                requireJsonValue(path + "." + key, e.getValue());
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireJsonValue(path + "[" + i + "]", list.get(i));
            }
            return;
        }
        throw new StoreInputException(path, "is a " + value.getClass().getName()
                + "; only Map, List, String, Number, Boolean and null are stored as JSON");
    }
}
