package dev.palisade.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RoleGraphTest {

    private static final Map<String, List<String>> GRAPH = Map.of("b", List.of("a"), "c", List.of("x", "b"),
            "x", List.of());

    @Test
    void namesTheCycleAParentWouldClose() {
        assertEquals(Optional.of(List.of("a", "c", "b", "a")), RoleGraph.cycle("a", "c", r -> GRAPH.getOrDefault(r, List.of())));
    }

    @Test
    void aRoleCannotBeItsOwnParent() {
        assertEquals(Optional.of(List.of("a", "a")), RoleGraph.cycle("a", "a", r -> List.of()));
    }

    @Test
    void aDiamondIsNoCycle() {
        Map<String, List<String>> diamond = Map.of("l", List.of("top"), "r", List.of("top"));
        assertEquals(Optional.empty(), RoleGraph.cycle("bottom", "l", r -> diamond.getOrDefault(r, List.of())));
        assertEquals(Optional.empty(), RoleGraph.cycle("bottom", "r", r -> diamond.getOrDefault(r, List.of())));
    }
}
