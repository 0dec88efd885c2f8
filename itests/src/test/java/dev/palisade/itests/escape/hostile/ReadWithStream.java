package dev.palisade.itests.escape.hostile;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Reads the file named by "path" with a FileInputStream. */
public final class ReadWithStream extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try (FileInputStream in = new FileInputStream(text(input, "path"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
