package dev.palisade.api.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void acceptsPlainJsonTrees() {
        Map<String, Object> tree = new HashMap<>();
        tree.put("s", "x");
        tree.put("n", 1.5);
        tree.put("b", true);
        tree.put("null", null);
        tree.put("list", List.of(1, "two", Map.of("k", List.of())));
        assertSame(tree, JsonValues.requireJsonCompatible(tree));
    }

    @Test
    void namesThePointerAndTypeOfAForeignValue() {
        Object tree = Map.of("outer", List.of("ok", Map.of("a/b", new Object())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonValues.requireJsonCompatible(tree));
        assertEquals("value at '/outer/1/a~1b' is a java.lang.Object; only null, String, Number, "
                + "Boolean, List and Map may cross the extension boundary", e.getMessage());
    }

    @Test
    void refusesNonStringKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonValues.requireJsonCompatible(Map.of(1, "x")));
        assertEquals("map at '' has a key that is not a String: java.lang.Integer", e.getMessage());
    }

    @Test
    void refusesCyclesByDepth() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> JsonValues.requireJsonCompatible(cyclic));
    }
}
