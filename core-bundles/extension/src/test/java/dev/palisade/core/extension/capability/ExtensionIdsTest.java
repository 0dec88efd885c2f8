package dev.palisade.core.extension.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The id rule runs on every invocation without a regular expression; it must still be the documented one. */
class ExtensionIdsTest {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static String repeat(char c, int times) {
        char[] chars = new char[times];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    @Test
    void acceptsWhatTheRuleAccepts() {
        for (String id : List.of("5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a", "a", "Z9", "a.b_c-d", "0..", repeat('x', 128))) {
            assertSame(id, ExtensionIds.requireSafe(id), id);
        }
    }

    @Test
    void refusesWhatTheRuleRefuses() {
        for (String id : List.of("", ".", "..", ".a", "-a", "_a", "a/b", "a\\b", "a b", "\u00e4", "a\u0000",
                repeat('x', 129))) {
            assertEquals(false, RULE.matcher(id).matches(), id);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExtensionIds.requireSafe(id));
            assertEquals(true, e.getMessage().contains("cannot name a data folder"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ExtensionIds.requireSafe(null));
    }

    @Test
    void agreesWithTheRuleOnEveryShortAsciiId() {
        for (char first = 0; first < 128; first++) {
            for (char second = 0; second < 128; second++) {
                String id = "" + first + second;
                boolean accepted;
                try {
                    ExtensionIds.requireSafe(id);
                    accepted = true;
                } catch (IllegalArgumentException e) {
                    accepted = false;
                }
                assertEquals(RULE.matcher(id).matches(), accepted, id);
            }
        }
    }
}
