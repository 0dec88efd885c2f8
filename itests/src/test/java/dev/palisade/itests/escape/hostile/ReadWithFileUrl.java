package dev.palisade.itests.escape.hostile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the file named by "path" through a file: URL. */
public final class ReadWithFileUrl extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (InputStream in = Path.of(text(input, "path")).toUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
