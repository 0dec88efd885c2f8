package dev.palisade.itests.escape.hostile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.palisade.api.extension.InvocationContext;

/** Hostile fixture: Starts a thread that would leave a marker file after the invocation ends. */
public final class StartThread extends Attack {

    @Override
    protected Object attack(Map<String, Object> input, InvocationContext context) throws Exception {
        String marker = marker(input, "thread");
        Thread thread = new Thread(() -> {
            try {
                Files.writeString(Path.of(marker), "owned");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        thread.start();
        return "started";
    }
}
