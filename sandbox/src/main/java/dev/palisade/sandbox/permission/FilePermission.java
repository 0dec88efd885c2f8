package dev.palisade.sandbox.permission;

import java.util.Objects;

/**
 * Permission to read ({@link PermissionKind#FILE_READ}) or write ({@link PermissionKind#FILE_WRITE})
 * the files a glob matches. Writing does not include reading.
 *
 * @param kind file.read or file.write
 * @param glob the files
 */
public record FilePermission(PermissionKind kind, PathGlob glob) implements Permission {

    public FilePermission {
        Objects.requireNonNull(glob, "glob");
        if (kind != PermissionKind.FILE_READ && kind != PermissionKind.FILE_WRITE) {
            throw new IllegalArgumentException("not a file permission kind: " + kind);
        }
    }

    @Override
    public String target() {
        return glob.pattern();
    }

    @Override
    public String toString() {
        return kind.id() + " " + target();
    }
}
