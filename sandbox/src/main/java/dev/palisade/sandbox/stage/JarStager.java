package dev.palisade.sandbox.stage;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * First sandbox layer: copies a candidate jar into a private staging file and checks that it is a
 * well-formed, bounded zip archive before anything else opens it.
 *
 * <p>Later checks and the framework only ever see the private copy, so a file that changes in
 * {@code deploy/} after staging cannot change what is installed. Thread-safe: each call stages to
 * its own uniquely named file.
 */
public final class JarStager {

    private final Path stagingDir;
    private final StagingLimits limits;

    /**
     * @param stagingDir folder for the private copies; created on first use if missing
     * @param limits     bounds a jar must stay within
     */
    public JarStager(Path stagingDir, StagingLimits limits) {
        this.stagingDir = Objects.requireNonNull(stagingDir, "stagingDir");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Copies {@code source} to a private file in the staging folder and checks the copy.
     *
     * @param source the candidate jar; left untouched
     * @return the checked private copy, owned by the caller
     * @throws DeploymentRefusedException if the copy fails a check; the copy is deleted first
     * @throws IllegalArgumentException   if {@code source} is not a regular file
     * @throws UncheckedIOException       if the source cannot be read or the staging folder written
     */
    public StagedJar stage(Path source) {
        Objects.requireNonNull(source, "source");
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("cannot stage " + source + ": it is not a regular file");
        }
        String originalName = source.getFileName().toString();
        Path copy = createPrivateFile(originalName);
        try {
            StagedJar staged = copy(source, copy, originalName);
            new ArchiveInspection(copy, originalName, limits).run();
            return staged;
        } catch (RuntimeException e) {
            deleteQuietly(copy, e);
            throw e;
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException(
                    "cannot stage " + source + " into " + stagingDir + ": " + e.getMessage(), e);
            deleteQuietly(copy, failure);
            throw failure;
        }
    }

    private Path createPrivateFile(String originalName) {
        try {
            Files.createDirectories(stagingDir);
            return Files.createTempFile(stagingDir, "staged-", ".jar");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging file for " + originalName + " in "
                    + stagingDir + ": " + e.getMessage() + "; check that the folder is writable", e);
        }
    }

    private StagedJar copy(Path source, Path copy, String originalName) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(copy)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > limits.maxJarBytes()) {
                    throw new DeploymentRefusedException(RefusalReason.TOO_LARGE, originalName
                            + " is larger than the limit of " + limits.maxJarBytes()
                            + " bytes for an extension jar; make the jar smaller (leave out unneeded "
                            + "dependencies and resources)");
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (size == 0) {
            throw new DeploymentRefusedException(RefusalReason.EMPTY_FILE, originalName
                    + " is empty (0 bytes); it was probably deployed before it was completely written: "
                    + "copy or upload the finished jar again");
        }
        return new StagedJar(copy, HexFormat.of().formatHex(sha256.digest()), size, originalName);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256 digest", e);
        }
    }

    private static void deleteQuietly(Path copy, Exception cause) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
