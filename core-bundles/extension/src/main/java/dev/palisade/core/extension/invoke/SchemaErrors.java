package dev.palisade.core.extension.invoke;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

/**
 * Runs a compiled schema and turns its messages into {@code {"pointer","message"}} pairs, sorted by
 * pointer then message. The pointer is the JSON Pointer of the offending value; for a missing required
 * property it points at where that property should be. Stateless.
 */
final class SchemaErrors {

    private SchemaErrors() {
    }

    /** @return the violations, empty when the value passes */
    static List<Map<String, Object>> validate(JsonSchema schema, JsonNode value) {
        Set<ValidationMessage> messages = schema.validate(value);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ValidationMessage message : messages) {
            String location = message.getInstanceLocation() == null ? "" : message.getInstanceLocation().toString();
            String pointer = location;
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                pointer = location + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
            }
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("pointer", pointer);
            error.put("message", withoutLocation(message.getMessage(), location));
            errors.add(error);
        }
        errors.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("pointer"))
                .thenComparing(e -> (String) e.get("message")));
        return errors;
    }

    /** @return a one-line summary such as {@code /text: integer found, string expected; ...} */
    static String summary(List<Map<String, Object>> errors) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> error : errors) {
            if (out.length() > 0) {
                out.append("; ");
            }
            String pointer = (String) error.get("pointer");
            out.append(pointer.isEmpty() ? "(root)" : pointer).append(": ").append(error.get("message"));
        }
        return out.toString();
    }

    private static String withoutLocation(String message, String location) {
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
