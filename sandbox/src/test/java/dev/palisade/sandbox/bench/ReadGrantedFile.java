package dev.palisade.sandbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Benchmark fixture, the extension code of benchmark (a): reads a whole file, as an extension would
 * with {@code Files.readAllBytes}. Loaded woven (the call replaced by the file.read guard that opens the file) and unwoven.
 */
public final class ReadGrantedFile implements Function<Path, byte[]> {

    @Override
    public byte[] apply(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
