package dev.palisade.host.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;

/**
 * {@code data/palisade.port}: the HTTP port of the host that holds the home's lock, written once it is
 * ready and deleted when it stops, so that the command line can reach a running host. A file left by a
 * killed host is harmless: the lock, not this file, says whether a host runs.
 */
final class PortFile {

    static final String NAME = "palisade.port";

    private final Path file;

    private PortFile(Path file) {
        this.file = file;
    }

    static PortFile of(HomeLayout layout) {
        return new PortFile(layout.data().resolve(NAME));
    }

    /** Writes the port (through a temporary file, so a reader never sees half of it); best effort. */
    void write(int port) {
        Path partial = file.resolveSibling(NAME + ".tmp");
        try {
            Files.writeString(partial, Integer.toString(port), StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.getLogger("dev.palisade.host").log(System.Logger.Level.WARNING, "cannot write " + file + ": " + e
                    + "; palisade backup and audit verify will not find this host");
        }
    }

    /** Deletes the file; best effort. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is harmless, see the class comment
        }
    }

    /** @return the port written in {@code data/palisade.port} of {@code data}, if any */
    static OptionalInt read(Path data) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(data.resolve(NAME), StandardCharsets.US_ASCII).strip()));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
