package dev.palisade.core.extension.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * The size and modification time of a regular file, the facts that tell whether it changed.
 *
 * @param size          the size in bytes
 * @param modifiedNanos the modification time, in nanoseconds since the epoch
 */
public record FileStamp(long size, long modifiedNanos) {

    /** @return the stamp of a regular file, or {@code null} when there is no regular file at the path */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return null;
            }
            return new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            return null;
        }
    }
}
