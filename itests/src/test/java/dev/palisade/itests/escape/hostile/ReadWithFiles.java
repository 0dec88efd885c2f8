package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the file named by "path" with Files.readString. */
public final class ReadWithFiles extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Files.readString(Path.of(text(input, "path")));
    }
}
