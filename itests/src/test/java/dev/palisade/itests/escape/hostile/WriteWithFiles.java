package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Writes "owned" to the file named by "path" with Files.writeString. */
public final class WriteWithFiles extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Files.writeString(Path.of(text(input, "path")), "owned");
    }
}
