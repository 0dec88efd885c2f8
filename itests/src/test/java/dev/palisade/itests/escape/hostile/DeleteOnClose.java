package dev.palisade.itests.escape.hostile;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/**
 * Hostile fixture: opens the file named by "path", which it may only read, with DELETE_ON_CLOSE,
 * which deletes it.
 */
public final class DeleteOnClose extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(text(input, "path")), StandardOpenOption.DELETE_ON_CLOSE)) {
            return in.read();
        }
    }
}
