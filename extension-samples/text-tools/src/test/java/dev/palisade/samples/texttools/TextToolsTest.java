package dev.palisade.samples.texttools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.api.capability.Capabilities;
import dev.palisade.api.extension.InvalidInputException;
import dev.palisade.api.extension.InvocationContext;
import dev.palisade.api.extension.UnknownMethodException;

class TextToolsTest {

    private final TextTools tools = new TextTools();

    @Test
    void countsWordsCharactersLinesAndSentences() {
        assertEquals(Map.of("words", 7, "characters", 35, "lines", 2, "sentences", 3),
                call("word_count", Map.of("text", "Hello there. It's me!\nDone: 3 items")));
        assertEquals(Map.of("words", 0, "characters", 0, "lines", 0, "sentences", 0),
                call("word_count", Map.of("text", "")));
    }

    @Test
    void slugifiesAccentsAndSymbolsAndCutsCleanly() {
        assertEquals(Map.of("slug", "creme-brulee-for-2"),
                call("slugify", Map.of("text", "  Crème Brûlée -- for 2! ")));
        assertEquals(Map.of("slug", "creme"),
                call("slugify", Map.of("text", "Crème Brûlée", "max_length", 6)));
    }

    @Test
    void changesCase() {
        Map<String, Object> in = Map.of("text", "hello WORLD, it's me");
        assertEquals("Hello World It's Me", change(in, "title"));
        assertEquals("hello_world_it's_me", change(in, "snake"));
        assertEquals("hello-world-it's-me", change(in, "kebab"));
        assertEquals("helloWorldIt'sMe", change(in, "camel"));
        assertEquals("HELLO WORLD, IT'S ME", change(in, "upper"));
    }

    @Test
    void listsTopWordsMostFrequentFirstTiesAlphabetical() {
        Object out = call("top_words", Map.of("text", "b a B c a b the", "limit", 2, "min_length", 1));
        assertEquals(Map.of("words", List.of(Map.of("word", "b", "count", 3),
                Map.of("word", "a", "count", 2))), out);
        Object longOnly = call("top_words", Map.of("text", "a bb ccc ccc", "min_length", 3));
        assertEquals(Map.of("words", List.of(Map.of("word", "ccc", "count", 2))), longOnly);
    }

    @Test
    void reportsUnknownMethodAndCase() {
        assertThrows(UnknownMethodException.class, () -> call("nope", Map.of("text", "x")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> change(Map.of("text", "x"), "shout"));
        assertEquals("/case", e.field());
    }

    private String change(Map<String, Object> in, String style) {
        Map<String, Object> input = new java.util.HashMap<>(in);
        input.put("case", style);
        return (String) ((Map<?, ?>) call("change_case", input)).get("text");
    }

    private Object call(String method, Map<String, Object> input) {
        return tools.invoke(method, input, new InvocationContext() {
            public String extensionId() { return "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a"; }
            public String extensionName() { return "text-tools"; }
            public String extensionVersion() { return "1.0.0"; }
            public String method() { return method; }
            public String invocationId() { return "test"; }
            public Capabilities capabilities() { throw new AssertionError("text-tools uses no capabilities"); }
        });
    }
}
