package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Creates a symbolic link from its data folder to a host file, to read it later. */
public final class CreateSymlink extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        return Files.createSymbolicLink(Path.of(marker(input, "symlink")), Path.of(text(input, "path")));
    }
}
