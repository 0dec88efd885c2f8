package dev.palisade.samples.trackeradapter;

import java.util.List;

/**
 * The little JSON the adapter writes and reads, without a JSON library (an extension carries every library it
 * uses inside its jar; this one needs too little to justify one). Stateless.
 */
final class JsonText {

    private JsonText() {
    }

    /** @return a JSON object of string members, from alternating names and values */
    static String object(List<String> namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append(quote(namesAndValues.get(i))).append(':').append(quote(namesAndValues.get(i + 1)));
        }
        return json.append('}').toString();
    }

    /**
     * @return the top-level member {@code name} of a JSON object, when it is a string or a whole number, as text;
     *         {@code null} when absent or of another kind
     */
    static String field(String json, String name) {
        String key = quote(name);
        int at = json == null ? -1 : json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int colon = json.indexOf(':', at + key.length());
        if (colon < 0 || !json.substring(at + key.length(), colon).isBlank()) {
            return null;
        }
        int start = colon + 1;
        while (start < json.length() && Character.isWhitespace(json.charAt(start))) {
            start++;
        }
        if (start < json.length() && json.charAt(start) == '"') {
            int end = json.indexOf('"', start + 1);
            return end < 0 ? null : json.substring(start + 1, end);
        }
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return end == start ? null : json.substring(start, end);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                quoted.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
