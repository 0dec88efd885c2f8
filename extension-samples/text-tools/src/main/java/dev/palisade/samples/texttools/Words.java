package dev.palisade.samples.texttools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splitting text into words and sentences. Stateless. */
final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");

    private Words() {
    }

    /** @return the words of {@code text} in order, as written */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** @return the number of sentences: terminated ones, plus a trailing unterminated one */
    static int sentenceCount(String text) {
        int count = 0;
        int lastEnd = 0;
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) {
            if (!of(text.substring(lastEnd, m.start())).isEmpty()) {
                count++;
            }
            lastEnd = m.end();
        }
        return of(text.substring(lastEnd)).isEmpty() ? count : count + 1;
    }

    /**
     * @return lower-cased words of at least {@code minLength} characters with their counts, most
     *         frequent first, ties in alphabetical order
     */
    static List<Map.Entry<String, Integer>> frequencies(String text, int minLength) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : of(text)) {
            if (word.codePointCount(0, word.length()) >= minLength) {
                counts.merge(word.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return sorted;
    }
}
