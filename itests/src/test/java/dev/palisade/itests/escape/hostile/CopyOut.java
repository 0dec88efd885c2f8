package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Copies the file named by "path" to "to" with Files.copy. */
public final class CopyOut extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Files.copy(Path.of(text(input, "path")), Path.of(text(input, "to")));
    }
}
