package dev.palisade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MigrationsTest {

    /** Flyway only sees the scripts Migrations lists: a script added without listing it would never run. */
    @Test
    void everyScriptInTheFolderIsListedInOrder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", Migrations.LOCATION))) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(), Migrations.SCRIPTS);
        }
        assertEquals("2", Migrations.latestVersion());
    }
}
