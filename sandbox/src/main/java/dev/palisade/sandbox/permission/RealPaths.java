package dev.palisade.sandbox.permission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path the way the operating system would follow it: made absolute, {@code .} and
 * {@code ..} applied element by element, and every symbolic link on the way replaced by its
 * target, so that the result is the file an access would really reach. Missing elements are kept
 * as written (a file about to be created). Thread-safe; reads link targets from the file system.
 *
 * <p>Each element costs an {@code lstat}; {@link Grants#resolve} saves the elements above the folders its
 * grants name by starting from the real paths those folders had when the grants were bound.
 */
public final class RealPaths {

    /** More links than this on one path count as a loop, as in Linux's ELOOP. */
    static final int MAX_LINKS = 40;

    private static final Path DOT = Path.of(".");
    private static final Path DOT_DOT = Path.of("..");

    private RealPaths() {
    }

    /**
     * @param path any path; relative paths are taken relative to the process's working folder, as
     *             the JDK's file APIs do
     * @return the resolved absolute path, or {@code null} when a link loops or cannot be read
     */
    public static Path resolve(Path path) {
        return resolve(path, List.of());
    }

    /**
     * Resolves like {@link #resolve(Path)}, but a path whose first elements are exactly those of a prefix's
     * literal (the first such prefix in the list) is resolved from that prefix's real path, looking only at the
     * elements after it ({@code ..} among them climbs from the real path, as the operating system would).
     *
     * @param path     any path
     * @param prefixes folders already resolved, longest first
     * @return the resolved absolute path, or {@code null} when a link loops or cannot be read
     */
    static Path resolve(Path path, List<ResolvedPrefix> prefixes) {
        Path absolute = path.toAbsolutePath();
        ResolvedPrefix prefix = prefixOf(absolute, prefixes);
        Path current = prefix == null ? absolute.getRoot() : prefix.real();
        int start = prefix == null ? 0 : prefix.literal().getNameCount();
        Deque<String> pending = new ArrayDeque<>();
        for (int i = start; i < absolute.getNameCount(); i++) {
            pending.addLast(absolute.getName(i).toString());
        }
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                Path parent = current.getParent();
                current = parent == null ? current : parent;
                continue;
            }
            Path candidate = current.resolve(name);
            if (!Files.isSymbolicLink(candidate)) {
                current = candidate;
                continue;
            }
            if (++links > MAX_LINKS) {
                return null;
            }
            Path target;
            try {
                target = Files.readSymbolicLink(candidate);
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
            if (target.isAbsolute()) {
                current = target.getRoot();
            }
            Deque<String> expanded = new ArrayDeque<>();
            for (Path element : target) {
                expanded.addLast(element.toString());
            }
            while (!expanded.isEmpty()) {
                pending.addFirst(expanded.removeLast());
            }
        }
        return current;
    }

    /**
     * Resolves like {@link #resolve(Path, List)} all elements but the last, and appends the last one as written,
     * without looking at it: for a caller that opens the result with {@link java.nio.file.LinkOption#NOFOLLOW_LINKS},
     * where the operating system itself refuses a link in that place. A path whose last element is {@code .} or
     * {@code ..}, or that has none, is resolved whole.
     *
     * @param path     any path
     * @param prefixes folders already resolved, longest first
     * @return the absolute path to open, or {@code null} when a link loops or cannot be read
     */
    static Path resolveAllButLast(Path path, List<ResolvedPrefix> prefixes) {
        Path absolute = path.toAbsolutePath();
        // (compared as paths of the default file system, which builds no text; others are resolved whole)
        if (absolute.getFileSystem() != DOT.getFileSystem() || absolute.getNameCount() == 0
                || absolute.endsWith(DOT) || absolute.endsWith(DOT_DOT)) {
            return resolve(absolute, prefixes);
        }
        ResolvedPrefix prefix = prefixOf(absolute, prefixes);
        if (prefix != null && absolute.getNameCount() == prefix.literal().getNameCount() + 1) {
            // directly in a resolved folder: nothing left to look at
            return prefix.linkFree() ? absolute : prefix.real().resolve(absolute.getFileName());
        }
        Path parent = resolve(absolute.getParent(), prefixes);
        return parent == null ? null : parent.resolve(absolute.getFileName());
    }

    /** @return the first prefix whose literal {@code absolute} starts with, or {@code null} */
    private static ResolvedPrefix prefixOf(Path absolute, List<ResolvedPrefix> prefixes) {
        for (ResolvedPrefix prefix : prefixes) {
            if (absolute.startsWith(prefix.literal())) {
                return prefix;
            }
        }
        return null;
    }

    /** @return the path's string form with {@code /} as separator */
    static String slashed(Path path) {
        String text = path.toString();
        String separator = path.getFileSystem().getSeparator();
        return separator.equals("/") ? text : text.replace(separator, "/");
    }
}
