package dev.palisade.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Empty H2 file databases in a temporary folder, each in its own data dir, as the host lays them out. */
final class H2Databases implements TestDatabase {

    private final Path root;
    private int next;

    H2Databases() {
        try {
            root = Files.createTempDirectory("palisade-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public StoreConfig fresh() {
        return StoreConfig.h2In(root.resolve("data-" + (++next)));
    }
}
