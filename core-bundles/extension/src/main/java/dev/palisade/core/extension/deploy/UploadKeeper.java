package dev.palisade.core.extension.deploy;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the jars of extensions that serve from a REST upload under {@code <data>/uploads/<id>.jar}, so
 * the host can deploy them again at its next start. At most one kept jar per extension id. Called under
 * the deployment lock; not thread-safe on its own.
 */
public final class UploadKeeper {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path dir;

    /** @param dir the uploads folder; created when the first jar is kept */
    public UploadKeeper(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** @return the uploads folder */
    public Path dir() {
        return dir;
    }

    /** @return where the kept jar of this extension lives */
    public Path pathFor(String extensionId) {
        if (!SAFE_ID.matcher(extensionId).matches() || extensionId.contains("..")) {
            throw new IllegalArgumentException("extension id '" + extensionId + "' cannot name a file");
        }
        return dir.resolve(extensionId + ".jar");
    }

    /**
     * Copies a jar to the kept place of the extension, replacing an earlier one in one step.
     *
     * @throws IOException when the copy cannot be written
     */
    public void keep(String extensionId, Path jar) throws IOException {
        Path target = pathFor(extensionId);
        if (Files.exists(target) && Files.isSameFile(target, jar)) {
            return;
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + extensionId, ".tmp");
        try {
            Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the kept jar of the extension, if any.
     *
     * @throws IOException when it exists but cannot be deleted
     */
    public void forget(String extensionId) throws IOException {
        if (SAFE_ID.matcher(extensionId).matches() && !extensionId.contains("..")) {
            Files.deleteIfExists(pathFor(extensionId));
        }
    }

    /** @return the kept jars, ordered by file name; empty when the folder does not exist */
    public List<Path> kept() throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return jars;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : stream) {
                if (Files.isRegularFile(jar) && !jar.getFileName().toString().startsWith(".")) {
                    jars.add(jar);
                }
            }
        }
        jars.sort(null);
        return jars;
    }
}
