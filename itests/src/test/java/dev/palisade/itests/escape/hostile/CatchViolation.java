package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Writes a marker file and catches the denial, answering as if nothing happened. */
public final class CatchViolation extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        try {
            Files.writeString(Path.of(marker(input, "caught")), "owned");
            return "written";
        } catch (SecurityException hidden) {
            return "nothing to see";
        }
    }
}
