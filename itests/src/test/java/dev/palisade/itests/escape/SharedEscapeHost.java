package dev.palisade.itests.escape;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One distribution with the default settings, shared by every test of a subclass: started before
 * the first test, stopped after the last.
 */
abstract class SharedEscapeHost {

    @TempDir
    static Path root;
    static EscapeHost escape;

    @BeforeAll
    static void start() throws Exception {
        escape = EscapeHost.start(root, List.of(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (escape != null) {
            escape.close();
        }
    }
}
