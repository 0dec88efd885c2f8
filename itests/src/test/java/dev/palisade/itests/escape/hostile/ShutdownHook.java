package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Registers a shutdown hook that would leave a marker file when the host stops. */
public final class ShutdownHook extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        String marker = marker(input, "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> touch(marker)));
        return "hook registered";
    }

    private static void touch(String file) {
        try {
            Files.writeString(Path.of(file), "owned");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
