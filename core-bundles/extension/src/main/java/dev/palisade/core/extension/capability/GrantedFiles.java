package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.ExtensionFiles;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.PermissionKind;
import dev.palisade.sandbox.permission.RealPaths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link ExtensionFiles} checked against the extension's file.read and file.write grants. A path
 * is made absolute (relative ones inside the extension's data folder) and resolved with
 * {@link RealPaths} ({@code ..} and symbolic links) before the grant is asked, and the resolved
 * path is the one opened, with its last element not followed, so a link placed there after the
 * check is not followed either. Thread-safe.
 */
final class GrantedFiles implements ExtensionFiles {

    /** The largest file {@link #readBytes} and {@link #readString} return. */
    static final long MAX_READ_BYTES = 32L * 1024 * 1024;
    /** The most names {@link #list} returns. */
    static final int MAX_LIST_ENTRIES = 10_000;

    private final InvocationScope scope;
    private final Path dataFolder;

    GrantedFiles(InvocationScope scope, Path dataFolder) {
        this.scope = scope;
        this.dataFolder = dataFolder;
    }

    @Override
    public String readString(String path) {
        byte[] bytes = readBytes(path);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ExtensionException("invalid_text", "file " + printable(path)
                    + " is not UTF-8 text; read it with readBytes", e);
        }
    }

    @Override
    public byte[] readBytes(String path) {
        Path file = require(path, PermissionKind.FILE_READ);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_READ_BYTES + 1);
            if (bytes.length > MAX_READ_BYTES) {
                throw new ExtensionException("file_too_large", "file " + file + " is larger than " + MAX_READ_BYTES
                        + " bytes, the most a capability reads at once");
            }
            return bytes;
        } catch (IOException e) {
            throw ioError("read", file, e);
        }
    }

    @Override
    public void writeString(String path, String content) {
        Objects.requireNonNull(content, "content");
        writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeBytes(String path, byte[] content) {
        Objects.requireNonNull(content, "content");
        Path file = require(path, PermissionKind.FILE_WRITE);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw ioError("write", file, e);
        }
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(require(path, PermissionKind.FILE_READ), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<String> list(String folder) {
        Path dir = require(folder, PermissionKind.FILE_READ);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (names.size() == MAX_LIST_ENTRIES) {
                    throw new ExtensionException("too_many_entries", "folder " + dir + " holds more than "
                            + MAX_LIST_ENTRIES + " entries, the most list returns; keep fewer files in one folder");
                }
                names.add(entry.getFileName().toString());
            }
        } catch (IOException e) {
            throw ioError("list", dir, e);
        }
        Collections.sort(names);
        return List.copyOf(names);
    }

    @Override
    public void delete(String path) {
        Path file = require(path, PermissionKind.FILE_WRITE);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw ioError("delete", file, e);
        }
    }

    /** @return the resolved path, after the grant of {@code kind} was checked */
    private Path require(String path, PermissionKind kind) {
        Grants grants = scope.grants();
        if (path == null) {
            throw new ExtensionException("invalid_path", "no path given; give a path relative to the extension's"
                    + " data folder or an absolute one");
        }
        Path given;
        try {
            given = Path.of(path);
        } catch (InvalidPathException e) {
            throw new ExtensionException("invalid_path", "\"" + printable(path) + "\" is not a path: "
                    + e.getReason(), e);
        }
        Path resolved = RealPaths.resolve(given.isAbsolute() ? given : dataFolder.resolve(given));
        boolean allowed = kind == PermissionKind.FILE_READ ? grants.mayRead(resolved) : grants.mayWrite(resolved);
        if (!allowed) {
            throw scope.deny(kind.id(), resolved == null ? given.toString() : resolved.toString());
        }
        return resolved;
    }

    private static ExtensionException ioError(String action, Path path, IOException e) {
        String what;
        if (e instanceof NoSuchFileException) {
            what = "it does not exist";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = "the folder is not empty";
        } else if (e instanceof NotDirectoryException) {
            what = "it is not a folder";
        } else {
            what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new ExtensionException("io_error", "could not " + action + " " + path + ": " + what, e);
    }

    private static String printable(String text) {
        return LogText.escape(text, 300);
    }
}
