package dev.palisade.sandbox.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Changes jars after they were built or signed, the way an attacker would: the signature files are
 * kept as they are, so the signature no longer matches the content.
 */
public final class JarTampering {

    private JarTampering() {
    }

    /**
     * Copies {@code signedJar} to {@code out} with the content of an existing entry replaced.
     *
     * @throws IllegalArgumentException if the jar has no such entry
     */
    public static Path replaceEntry(Path signedJar, String entryName, byte[] content, Path out) {
        return copy(signedJar, out, entryName, content, false);
    }

    /** Copies {@code signedJar} to {@code out} with one more entry at the end. */
    public static Path addEntry(Path signedJar, String entryName, byte[] content, Path out) {
        return copy(signedJar, out, entryName, content, true);
    }

    /**
     * Copies {@code jar} to {@code out} with one more entry whose name is written as given, e.g.
     * {@code "../../evil.txt"}, {@code "/abs"} or {@code "C:\\x"}: names a zip tool would never
     * produce but that {@link ZipOutputStream} writes without complaint.
     */
    public static Path withRawEntryName(Path jar, String entryName, byte[] content, Path out) {
        return copy(jar, out, entryName, content, true);
    }

    /** Copies {@code jar} to {@code out} without the named entry (e.g. a signed class). */
    public static Path removeEntry(Path jar, String entryName, Path out) {
        return copy(jar, out, entryName, null, false);
    }

    /**
     * Signs {@code jar} again into {@code out}. With the signer name of an existing signature
     * ({@link TestJar#SIGNER_NAME} for {@link TestJar}; at most 8 characters) that signature is replaced, as an attacker
     * re-signing a modified jar would; with a new name a second signature is added.
     */
    public static Path signAgain(Path jar, TestPublisher publisher, String signerName, Path out) {
        TestJar.sign(jar, out, publisher, null, signerName);
        return out;
    }

    private static Path copy(Path source, Path out, String entryName, byte[] content, boolean add) {
        boolean found = false;
        try (ZipFile zip = new ZipFile(source.toFile());
             OutputStream file = Files.newOutputStream(out);
             ZipOutputStream target = new ZipOutputStream(file)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                boolean matches = entry.getName().equals(entryName);
                found |= matches;
                if (matches && !add && content == null) {
                    continue;
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                if (matches && !add) {
                    target.write(content);
                } else {
                    try (var in = zip.getInputStream(entry)) {
                        in.transferTo(target);
                    }
                }
                target.closeEntry();
            }
            if (add) {
                target.putNextEntry(new ZipEntry(entryName));
                target.write(content);
                target.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + out, e);
        }
        if (!add && !found) {
            throw new IllegalArgumentException(source + " has no entry named " + entryName);
        }
        return out;
    }
}
