package dev.palisade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private final PathTemplate variable = PathTemplate.of("/contexts/{id}/variables/{key}");

    @Test
    void namedSegmentsAreDecoded() {
        assertEquals(Map.of("id", "c1", "key", "a b+c"), variable.match("/contexts/c1/variables/a%20b+c").orElseThrow());
    }

    @Test
    void otherShapesDoNotMatch() {
        assertTrue(variable.match("/contexts/c1/variables").isEmpty());
        assertTrue(variable.match("/contexts//variables/k").isEmpty());
        assertTrue(variable.match("/plans/c1/variables/k").isEmpty());
        assertEquals(Map.of("id", "c1"), PathTemplate.of("/contexts/{id}").match("/contexts/c1/").orElseThrow());
    }
}
