package dev.palisade.samples.texttools;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.palisade.api.extension.InvalidInputException;

/** The case styles {@code change_case} offers. */
enum CaseStyle {
    UPPER(text -> text.toUpperCase(Locale.ROOT)),
    LOWER(text -> text.toLowerCase(Locale.ROOT)),
    TITLE(text -> join(Words.of(text), " ", true)),
    SNAKE(text -> join(Words.of(text), "_", false)),
    KEBAB(text -> join(Words.of(text), "-", false)),
    CAMEL(text -> {
        List<String> words = Words.of(text);
        if (words.isEmpty()) {
            return "";
        }
        return words.get(0).toLowerCase(Locale.ROOT)
                + join(words.subList(1, words.size()), "", true);
    });

    private final Function<String, String> conversion;

    CaseStyle(Function<String, String> conversion) {
        this.conversion = conversion;
    }

    String apply(String text) {
        return conversion.apply(text);
    }

    /** @throws InvalidInputException when no style has that name */
    static CaseStyle named(String name) {
        for (CaseStyle style : values()) {
            if (style.name().toLowerCase(Locale.ROOT).equals(name)) {
                return style;
            }
        }
        throw new InvalidInputException("/case", "unknown case '" + name
                + "'; use one of upper, lower, title, snake, kebab, camel");
    }

    private static String join(List<String> words, String separator, boolean capitalize) {
        return words.stream()
                .map(w -> capitalize ? capitalize(w) : w.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(separator));
    }

    private static String capitalize(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int first = lower.offsetByCodePoints(0, 1);
        return lower.substring(0, first).toUpperCase(Locale.ROOT) + lower.substring(first);
    }
}
