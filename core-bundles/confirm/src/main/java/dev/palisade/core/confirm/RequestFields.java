package dev.palisade.core.confirm;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.Violation;

/**
 * Checks the members of the module's own request bodies (decisions, approver registrations), adding one
 * {@link Violation} per broken rule to a list the caller throws together. Stateless.
 */
final class RequestFields {

    private RequestFields() {
    }

    /** Adds an {@code additionalProperties} violation for each member not in {@code known}. */
    static void onlyKnown(JsonNode body, Set<String> known, List<Violation> found) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                found.add(new Violation("/" + name, "additionalProperties",
                        "unknown member '" + name + "'; the members are " + String.join(", ", known)));
            }
        }
    }

    /**
     * @return the member's text, or {@code null} (with a violation added) when it is missing, not a string,
     *         empty or longer than {@code maxLength}
     */
    static String requiredText(JsonNode body, String name, int maxLength, List<Violation> found) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            found.add(new Violation("/" + name, "required", "'" + name + "' is missing"));
            return null;
        }
        return text(value, name, maxLength, found);
    }

    /** @return the member's text, {@code null} when absent or null, or when broken (violation added) */
    static String optionalText(JsonNode body, String name, int maxLength, List<Violation> found) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : text(value, name, maxLength, found);
    }

    /** @return the member's text when it is a lower-case UUID, else {@code null} (violation added) */
    static String requiredUuid(JsonNode body, String name, List<Violation> found) {
        String text = requiredText(body, name, 36, found);
        if (text != null && !ConfirmationRequests.UUID_TEXT.matcher(text).matches()) {
            found.add(new Violation("/" + name, "pattern", "'" + name + "' is not a lower-case UUID"));
            return null;
        }
        return text;
    }

    private static String text(JsonNode value, String name, int maxLength, List<Violation> found) {
        if (!value.isTextual()) {
            found.add(new Violation("/" + name, "type", "'" + name + "' must be a string"));
            return null;
        }
        String text = value.asText();
        if (text.isEmpty()) {
            found.add(new Violation("/" + name, "minLength", "'" + name + "' is empty"));
            return null;
        }
        if (text.length() > maxLength) {
            found.add(new Violation("/" + name, "maxLength", "'" + name + "' is longer than " + maxLength
                    + " characters"));
            return null;
        }
        return text;
    }
}
