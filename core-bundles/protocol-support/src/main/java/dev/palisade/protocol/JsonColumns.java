package dev.palisade.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.web.Json;

/**
 * JSON values in and out of TEXT columns and between Jackson trees and plain JDK values (Map, List,
 * String, Number, Boolean, null), with the core bundles' one Jackson setup. Stateless.
 */
public final class JsonColumns {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    /** @return {@code value} (a tree or plain values) as compact JSON text */
    public static String text(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @return the tree of JSON text read from a column
     * @throws IllegalStateException when the column does not hold JSON (a damaged row), naming the cause
     */
    public static JsonNode tree(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON value is damaged: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the tree of plain values ({@code Map}, {@code List}, ...) */
    public static JsonNode tree(Object plain) {
        return Json.mapper().valueToTree(plain);
    }

    /** @return an object tree as an ordered map of plain values */
    public static Map<String, Object> map(JsonNode object) {
        return Json.mapper().convertValue(object, MAP);
    }

    /** @return JSON text of an object as an ordered map of plain values */
    public static Map<String, Object> map(String text) {
        return map(tree(text));
    }

    /** @return an array tree as a list of plain values */
    public static List<Object> list(JsonNode array) {
        return Json.mapper().convertValue(array, new TypeReference<List<Object>>() {
        });
    }
}
