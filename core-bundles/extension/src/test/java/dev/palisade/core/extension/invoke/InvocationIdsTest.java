package dev.palisade.core.extension.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class InvocationIdsTest {

    /** The cheaper source keeps the id's form: callers and logs still see random (version 4) UUIDs. */
    @Test
    void idsAreDistinctVersion4UuidsInTheirTextForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = InvocationIds.next();
            UUID parsed = UUID.fromString(id);
            assertEquals(id, parsed.toString());
            assertEquals(4, parsed.version(), id);
            assertEquals(2, parsed.variant(), id);
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }
}
