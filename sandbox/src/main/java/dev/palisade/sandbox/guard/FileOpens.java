package dev.palisade.sandbox.guard;

import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.DecisionPoint;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replacements for the {@link Files} calls of extension code that open a file to read or write its content
 * ({@code newInputStream}, {@code readAllBytes}, {@code readString}, {@code readAllLines}, {@code lines},
 * {@code newBufferedReader}, {@code newOutputStream}, {@code write}, {@code writeString},
 * {@code newBufferedWriter}): each checks the grant and opens the file itself, with the same arguments and the
 * same result as the JDK call.
 *
 * <p>How they differ from a check before the call: the path is resolved ({@code ..} and links) up to its last
 * element only, and the file is opened, at that resolved path, with {@link LinkOption#NOFOLLOW_LINKS}, so the
 * operating system refuses a link in the last place instead of the check looking for one. That saves the one
 * file-system look-up a check would make for a file directly in a granted folder, and a link planted as the
 * last element after the check can no longer redirect the open. A link the operator placed there is still
 * followed: when the open is refused because the last element is a link, the path is resolved whole, the
 * target checked, and the target opened (again without following links). Exceptions about the file name the
 * resolved path. A link swapped in for a folder <em>between</em> the check and the open is followed, as with
 * every checked call.
 *
 * <p>Called only by woven code; thread-safe.
 */
public final class FileOpens {

    private static final OpenOption[] NO_OPTIONS = {};
    private static final OpenOption[] WRITE_DEFAULTS = {StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
    private static final Set<OpenOption> READ_NO_FOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    /** The largest array the JDK allocates, as {@code Files.readAllBytes} limits it. */
    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;
    /** Bytes written per call, as {@code Files.write} does, so no direct buffer of the whole array is taken. */
    private static final int WRITE_CHUNK = 8192;

    private FileOpens() {
    }

    /** {@link Files#newInputStream}: file.read; file.write too if the options delete, write or append. */
    public static InputStream newInputStream(Path path, OpenOption[] options, String extension) throws IOException {
        // decided on the copy that is opened, which the extension's other threads cannot change
        OpenOption[] opening = withNoFollow(options);
        return open(path, extension, changes(opening) ? Access.READ_WRITE : Access.READ, !deletes(opening),
                target -> Files.newInputStream(target, opening));
    }

    /**
     * {@link Files#readAllBytes}: file.read. Like the JDK's, an interrupt the thread already had does not stop the
     * read (and is kept); unlike it, one that arrives during the read closes the file
     * ({@link java.nio.channels.ClosedByInterruptException}).
     */
    public static byte[] readAllBytes(Path path, String extension) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return readAllBytesUninterrupted(path, extension);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] readAllBytesUninterrupted(Path path, String extension) throws IOException {
        try (FileChannel channel = open(path, extension, Access.READ, true,
                target -> FileChannel.open(target, READ_NO_FOLLOW))) {
            long size = channel.size();
            if (size > MAX_ARRAY_SIZE) {
                throw new OutOfMemoryError("Required array size too large");
            }
            ByteBuffer buffer = size < ReadBuffers.CAPACITY ? ReadBuffers.take() : null;
            if (buffer == null) {
                return readAll(Channels.newInputStream(channel), (int) size);
            }
            try {
                return readAll(channel, buffer, (int) size);
            } finally {
                ReadBuffers.give(buffer);
            }
        }
    }

    /** {@link Files#readString(Path)}: file.read. */
    public static String readString(Path path, String extension) throws IOException {
        return readString(path, StandardCharsets.UTF_8, extension);
    }

    /** {@link Files#readString(Path, Charset)}: file.read; malformed input throws, as the JDK's does. */
    public static String readString(Path path, Charset charset, String extension) throws IOException {
        Objects.requireNonNull(charset, "charset");
        byte[] bytes = readAllBytes(path, extension);
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** {@link Files#newBufferedReader(Path)}: file.read. */
    public static BufferedReader newBufferedReader(Path path, String extension) throws IOException {
        return newBufferedReader(path, StandardCharsets.UTF_8, extension);
    }

    /** {@link Files#newBufferedReader(Path, Charset)}: file.read. */
    public static BufferedReader newBufferedReader(Path path, Charset charset, String extension) throws IOException {
        Objects.requireNonNull(charset, "charset");
        return new BufferedReader(new InputStreamReader(newInputStream(path, NO_OPTIONS, extension),
                charset.newDecoder()));
    }

    /** {@link Files#readAllLines(Path)}: file.read. */
    public static List<String> readAllLines(Path path, String extension) throws IOException {
        return readAllLines(path, StandardCharsets.UTF_8, extension);
    }

    /** {@link Files#readAllLines(Path, Charset)}: file.read. */
    public static List<String> readAllLines(Path path, Charset charset, String extension) throws IOException {
        try (BufferedReader reader = newBufferedReader(path, charset, extension)) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }

    /** {@link Files#lines(Path)}: file.read. */
    public static Stream<String> lines(Path path, String extension) throws IOException {
        return lines(path, StandardCharsets.UTF_8, extension);
    }

    /** {@link Files#lines(Path, Charset)}: file.read; closing the stream closes the file. */
    public static Stream<String> lines(Path path, Charset charset, String extension) throws IOException {
        BufferedReader reader = newBufferedReader(path, charset, extension);
        try {
            return reader.lines().onClose(() -> {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException | Error e) {
            try {
                reader.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** {@link Files#newOutputStream}: file.write. */
    public static OutputStream newOutputStream(Path path, OpenOption[] options, String extension) throws IOException {
        OpenOption[] opening = withNoFollow(options.length == 0 ? WRITE_DEFAULTS : options);
        return open(path, extension, Access.WRITE, !deletes(opening), target -> Files.newOutputStream(target, opening));
    }

    /** {@link Files#write(Path, byte[], OpenOption...)}: file.write. */
    public static Path write(Path path, byte[] bytes, OpenOption[] options, String extension) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        try (OutputStream out = newOutputStream(path, options, extension)) {
            for (int offset = 0; offset < bytes.length; offset += WRITE_CHUNK) {
                out.write(bytes, offset, Math.min(WRITE_CHUNK, bytes.length - offset));
            }
        }
        return path;
    }

    /** {@link Files#write(Path, Iterable, OpenOption...)}: file.write. */
    public static Path write(Path path, Iterable<? extends CharSequence> lines, OpenOption[] options,
                             String extension) throws IOException {
        return write(path, lines, StandardCharsets.UTF_8, options, extension);
    }

    /** {@link Files#write(Path, Iterable, Charset, OpenOption...)}: file.write. */
    public static Path write(Path path, Iterable<? extends CharSequence> lines, Charset charset, OpenOption[] options,
                             String extension) throws IOException {
        Objects.requireNonNull(lines, "lines");
        try (BufferedWriter writer = newBufferedWriter(path, charset, options, extension)) {
            for (CharSequence line : lines) {
                writer.append(line);
                writer.newLine();
            }
        }
        return path;
    }

    /** {@link Files#writeString(Path, CharSequence, OpenOption...)}: file.write. */
    public static Path writeString(Path path, CharSequence text, OpenOption[] options, String extension)
            throws IOException {
        return writeString(path, text, StandardCharsets.UTF_8, options, extension);
    }

    /**
     * {@link Files#writeString(Path, CharSequence, Charset, OpenOption...)}: file.write; text the charset cannot
     * encode throws before the file is opened, as the JDK's does.
     */
    public static Path writeString(Path path, CharSequence text, Charset charset, OpenOption[] options,
                                   String extension) throws IOException {
        Objects.requireNonNull(text, "text");
        ByteBuffer encoded = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return write(path, bytes, options, extension);
    }

    /** {@link Files#newBufferedWriter(Path, OpenOption...)}: file.write. */
    public static BufferedWriter newBufferedWriter(Path path, OpenOption[] options, String extension)
            throws IOException {
        return newBufferedWriter(path, StandardCharsets.UTF_8, options, extension);
    }

    /** {@link Files#newBufferedWriter(Path, Charset, OpenOption...)}: file.write. */
    public static BufferedWriter newBufferedWriter(Path path, Charset charset, OpenOption[] options, String extension)
            throws IOException {
        Objects.requireNonNull(charset, "charset");
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(path, options, extension),
                charset.newEncoder()));
    }

    /** What an open needs granted. */
    private enum Access {
        READ, WRITE, READ_WRITE
    }

    /** Opens an already checked path, refusing a link as its last element. */
    @FunctionalInterface
    private interface Opener<T> {
        T open(Path target) throws IOException;
    }

    /**
     * @param followLastLink whether a link in the last place is followed (to a granted target); not with
     *                       {@code DELETE_ON_CLOSE}, which the JDK opens without following links
     */
    private static <T> T open(Path path, String extension, Access access, boolean followLastLink, Opener<T> opener)
            throws IOException {
        Grants grants = DecisionPoint.grants(extension);
        Path target = grants.resolveForOpening(path);
        if (!permits(grants, target, access)) {
            if (followLastLink) {
                // The last element was not looked at: it may be a link the operator placed to a granted file,
                // which the grant names by its target. Resolved whole, a denial names where the path leads.
                target = grants.resolve(path);
            }
            require(grants, path, target, extension, access);
        }
        try {
            return opener.open(target);
        } catch (IOException refused) {
            if (!followLastLink || refused instanceof FileAlreadyExistsException || !Files.isSymbolicLink(target)) {
                throw refused;
            }
            // A link in the last place (placed by the operator or another process): follow it as the
            // operating system would and check where it leads before opening that.
            Path linked = grants.resolve(target);
            require(grants, path, linked, extension, access);
            return opener.open(linked);
        }
    }

    private static boolean permits(Grants grants, Path resolved, Access access) {
        return (access == Access.WRITE || grants.mayRead(resolved)) && (access == Access.READ || grants.mayWrite(resolved));
    }

    private static void require(Grants grants, Path path, Path resolved, String extension, Access access) {
        if (access != Access.WRITE) {
            FileGuard.require(grants, path, resolved, extension, false);
        }
        if (access != Access.READ) {
            FileGuard.require(grants, path, resolved, extension, true);
        }
    }

    /**
     * @return whether opening for reading with these options changes the file: {@code DELETE_ON_CLOSE} deletes
     *         it on close; {@code WRITE} and {@code APPEND} the JDK refuses for an input stream, but a read grant
     *         must never be what lets them through
     */
    private static boolean changes(OpenOption[] options) {
        for (OpenOption option : options) {
            if (option == StandardOpenOption.DELETE_ON_CLOSE || option == StandardOpenOption.WRITE
                    || option == StandardOpenOption.APPEND) {
                return true;
            }
        }
        return false;
    }

    private static boolean deletes(OpenOption[] options) {
        return Arrays.asList(options).contains(StandardOpenOption.DELETE_ON_CLOSE);
    }

    private static OpenOption[] withNoFollow(OpenOption[] options) {
        OpenOption[] opening = Arrays.copyOf(options, options.length + 1);
        opening[options.length] = LinkOption.NOFOLLOW_LINKS;
        return opening;
    }

    /**
     * Reads to the end, expecting {@code size} bytes, asking for one more: a file that answers exactly its size is
     * read whole in one call (a regular file returns fewer bytes than asked only at its end, so the result is the
     * file as it was when its size was taken); one that grew or shrank is read on to the end.
     */
    private static byte[] readAll(FileChannel channel, ByteBuffer buffer, int size) throws IOException {
        buffer.limit(size + 1);
        int read = channel.read(buffer);
        buffer.flip();
        byte[] start = new byte[buffer.remaining()];
        buffer.get(start);
        return read == size || read < 0 ? start : readOn(start, Channels.newInputStream(channel), size);
    }

    /** Reads to the end, expecting {@code size} bytes (a file may grow or shrink while it is read). */
    private static byte[] readAll(InputStream in, int size) throws IOException {
        byte[] bytes = new byte[size];
        int read = in.readNBytes(bytes, 0, size);
        if (read < size) {
            return Arrays.copyOf(bytes, read);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] head = Arrays.copyOf(bytes, size + 1);
        head[size] = (byte) next;
        return readOn(head, in, size);
    }

    /**
     * @return {@code head} and the rest of a file that had {@code size} bytes and grew while it was read (room for
     *         as much again is taken at once, within the array limit)
     */
    private static byte[] readOn(byte[] head, InputStream rest, int size) throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream((int) Math.min(Math.max(2L * size, WRITE_CHUNK),
                MAX_ARRAY_SIZE));
        whole.write(head);
        rest.transferTo(whole);
        return whole.toByteArray();
    }
}
