package dev.palisade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.HostProblem;

class MplpSchemasTest {

    private static final String ID = "0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e";

    @Test
    void aValidPlanHasNoViolations() {
        Map<String, Object> plan = Map.of("id", ID, "name", "p",
                "tasks", List.of(Map.of("id", ID, "name", "t", "type", "atomic")));
        assertEquals(List.of(), MplpSchemas.bundled().violations("plan", JsonColumns.tree(plan)));
    }

    @Test
    void aReferenceIntoBaseTypesIsResolvedFromTheBundledCopy() {
        Map<String, Object> plan = Map.of("id", "not-a-uuid", "name", "p", "tasks", List.of());
        List<Violation> found = MplpSchemas.bundled().violations("plan", JsonColumns.tree(plan));
        assertEquals(1, found.size());
        assertEquals("/id", found.get(0).field());
        assertEquals("pattern", found.get(0).rule());
    }

    @Test
    void requireValidNamesEveryFieldAndRule() {
        Map<String, Object> context = Map.of("id", ID, "version", "1.0", "status", "dormant",
                "shared_state", Map.of());
        HostProblem p = assertThrows(HostProblem.class, () -> MplpSchemas.bundled().requireValid("context",
                JsonColumns.tree(context), "the context"));
        assertEquals(400, p.status());
        assertEquals("schema-violation", p.type());
        assertTrue(p.detail().startsWith("the context does not match the MPLP context schema: "), p.detail());
        assertTrue(p.detail().contains("(root) [required]"), p.detail());
        assertTrue(p.detail().contains("/status [enum]"), p.detail());
        assertTrue(p.detail().endsWith("; fix the named fields and send it again"), p.detail());
        assertEquals(2, ((List<?>) p.properties().get("violations")).size());
    }

    @Test
    void anUnknownSchemaNameIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> MplpSchemas.bundled().violations("nope", JsonColumns.tree(Map.of())));
    }
}
