package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Deletes the file named by "path". */
public final class DeleteFile extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        Files.delete(Path.of(text(input, "path")));
        return "deleted";
    }
}
