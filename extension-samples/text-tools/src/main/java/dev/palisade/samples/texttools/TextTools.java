package dev.palisade.samples.texttools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.api.extension.InvalidInputException;
import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.Plugin;
import dev.palisade.api.extension.UnknownMethodException;

/**
 * Entry class of the text-tools sample plugin. Stateless, so one instance serves concurrent calls.
 * The host has already validated each input against the method's schema in the descriptor.
 */
public final class TextTools implements Plugin {

    @Override
    public Object invoke(String method, Map<String, Object> input, InvocationContext context) {
        String text = (String) input.get("text");
        switch (method) {
            case "word_count":
                return wordCount(text);
            case "slugify":
                return Map.of("slug", Slugs.slugify(text, intOr(input, "max_length", 80)));
            case "change_case":
                return Map.of("text", CaseStyle.named((String) input.get("case")).apply(text));
            case "top_words":
                return Map.of("words", topWords(text, intOr(input, "limit", 10),
                        intOr(input, "min_length", 1)));
            default:
                throw new UnknownMethodException(method);
        }
    }

    private static Map<String, Object> wordCount(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("words", Words.of(text).size());
        out.put("characters", text.codePointCount(0, text.length()));
        out.put("lines", text.isEmpty() ? 0 : text.split("\r\n|\r|\n", -1).length);
        out.put("sentences", Words.sentenceCount(text));
        return out;
    }

    private static List<Map<String, Object>> topWords(String text, int limit, int minLength) {
        return Words.frequencies(text, minLength).stream()
                .limit(limit)
                .map(e -> Map.<String, Object>of("word", e.getKey(), "count", e.getValue()))
                .toList();
    }

    private static int intOr(Map<String, Object> input, String field, int fallback) {
        Object value = input.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        throw new InvalidInputException("/" + field, field + " must be a whole number, got " + value);
    }
}
