package dev.palisade.sandbox.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private copy of a jar that passed the staging checks. The copy belongs to whoever staged it:
 * it is never changed by the sandbox and must be {@linkplain #delete() deleted} once it has been
 * installed or refused.
 *
 * @param path         the private copy in the staging folder
 * @param sha256       lower-case hex SHA-256 of the copy's bytes
 * @param size         the copy's size in bytes
 * @param originalName file name of the source the copy was made from, for messages
 */
public record StagedJar(Path path, String sha256, long size, String originalName) {

    /**
     * Deletes the private copy; does nothing if it is already gone.
     *
     * @throws UncheckedIOException if the file exists and cannot be deleted
     */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete staged copy " + path + " of " + originalName
                    + ": " + e.getMessage() + "; delete it by hand", e);
        }
    }
}
