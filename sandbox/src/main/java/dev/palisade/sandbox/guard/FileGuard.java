package dev.palisade.sandbox.guard;

import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.DecisionPoint;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File checks woven before file-system calls of extension code. Each resolves the path as the
 * operating system would ({@code ..} and symbolic links followed, relative to the working
 * folder; see {@link Grants#resolve}) and throws {@link dev.palisade.api.sandbox.SandboxViolation} unless the extension's
 * grants cover the result. Called only by woven code; thread-safe.
 */
public final class FileGuard {

    private FileGuard() {
    }

    /** Requires file.read on {@code path}. */
    public static void read(Path path, String extension) {
        check(path, extension, false);
    }

    /** Requires file.read on {@code file}. */
    public static void read(File file, String extension) {
        check(file.toPath(), extension, false);
    }

    /** Requires file.read on {@code name}. */
    public static void read(String name, String extension) {
        check(toPath(name, extension, "file.read"), extension, false);
    }

    /** Requires file.write on {@code path}. */
    public static void write(Path path, String extension) {
        check(path, extension, true);
    }

    /** Requires file.write on {@code file}. */
    public static void write(File file, String extension) {
        check(file.toPath(), extension, true);
    }

    /** Requires file.write on {@code name}. */
    public static void write(String name, String extension) {
        check(toPath(name, extension, "file.write"), extension, true);
    }

    /** Requires file.read, and file.write too when {@code mode} opens for writing ("rw", "rws", "rwd"). */
    public static void randomAccess(File file, String mode, String extension) {
        read(file, extension);
        if (mode != null && mode.contains("w")) {
            write(file, extension);
        }
    }

    /** Requires file.read, and file.write too when {@code mode} opens for writing. */
    public static void randomAccess(String name, String mode, String extension) {
        read(name, extension);
        if (mode != null && mode.contains("w")) {
            write(name, extension);
        }
    }

    /**
     * Requires file.read on the zip or jar file, and file.write too when {@code mode} holds
     * {@link java.util.zip.ZipFile#OPEN_DELETE}: the JDK deletes the file as it opens it.
     */
    public static void zipOpen(File file, int mode, String extension) {
        read(file, extension);
        if ((mode & java.util.zip.ZipFile.OPEN_DELETE) != 0) {
            write(file, extension);
        }
    }

    private static Path toPath(String name, String extension, String permission) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw DecisionPoint.deny(extension, permission, name);
        }
    }

    private static void check(Path path, String extension, boolean write) {
        Grants grants = DecisionPoint.grants(extension);
        require(grants, path, grants.resolve(path), extension, write);
    }

    /**
     * @param path     the path as the extension gave it
     * @param resolved what {@code grants} resolved it to ({@code null} if it could not)
     * @throws dev.palisade.api.sandbox.SandboxViolation naming the resolved path unless the grants cover it
     */
    static void require(Grants grants, Path path, Path resolved, String extension, boolean write) {
        boolean allowed = write ? grants.mayWrite(resolved) : grants.mayRead(resolved);
        if (!allowed) {
            throw DecisionPoint.deny(extension, write ? "file.write" : "file.read",
                    resolved == null ? path.toString() : resolved.toString());
        }
    }
}
