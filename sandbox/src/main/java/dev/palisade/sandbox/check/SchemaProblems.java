package dev.palisade.sandbox.check;

import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns validator output into "pointer [rule]: message" lines, sorted by pointer. */
final class SchemaProblems {

    private SchemaProblems() {
    }

    /**
     * @param prefix   JSON pointer of the validated node inside the descriptor ("" for the root)
     * @param messages the validator's messages
     * @return one line per message
     */
    static List<String> describe(String prefix, Collection<ValidationMessage> messages) {
        List<ValidationMessage> sorted = new ArrayList<>(messages);
        sorted.sort((a, b) -> {
            int byPointer = a.getInstanceLocation().toString().compareTo(b.getInstanceLocation().toString());
            return byPointer != 0 ? byPointer : a.getMessage().compareTo(b.getMessage());
        });
        List<String> lines = new ArrayList<>();
        for (ValidationMessage message : sorted) {
            String pointer = prefix + message.getInstanceLocation().toString();
            lines.add(line(pointer, message.getType() + " at " + message.getSchemaLocation(), message.getError()));
        }
        return lines;
    }

    static String line(String pointer, String rule, String message) {
        return (pointer.isEmpty() ? "(root)" : pointer) + " [" + rule + "]: " + message;
    }

    /** @return {@code token} escaped for use as one JSON pointer segment (RFC 6901) */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
