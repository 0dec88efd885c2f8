package dev.palisade.sandbox.permission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path pattern in a file permission. Segments are separated by {@code /}; {@code *} matches any
 * characters within one segment, {@code ?} one character, and a whole segment {@code **} any number
 * of segments (including none, so {@code /srv/data/**} also matches the folder itself). Absolute
 * patterns start with {@code /}; relative ones are resolved inside the extension's data folder when
 * {@linkplain #bind bound}. {@code ..} is refused, so a relative pattern cannot leave that folder.
 *
 * @param pattern the canonical form: single separators, no {@code .} segments
 */
public record PathGlob(String pattern) {

    public PathGlob {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @param text the pattern as written in a descriptor or grant
     * @throws InvalidPermissionException if it is empty, has {@code ..}, backslashes, control
     *                                    characters, brackets or braces, or {@code **} inside a segment
     */
    public static PathGlob parse(String text) {
        String problem = problemOf(text);
        if (problem != null) {
            throw new InvalidPermissionException("path glob \"" + text + "\" " + problem);
        }
        boolean absolute = text.startsWith("/");
        List<String> segments = segments(text);
        if (segments.isEmpty() && !absolute) {
            throw new InvalidPermissionException("path glob \"" + text + "\" names no file; write ** for the whole "
                    + "data folder, or a path below it");
        }
        return new PathGlob((absolute ? "/" : "") + String.join("/", segments));
    }

    /** @return whether the pattern starts at the file system root rather than the data folder */
    public boolean isAbsolute() {
        return pattern.startsWith("/");
    }

    /**
     * Resolves this pattern for one extension: a relative pattern is placed inside {@code dataFolder};
     * the literal part before the first wildcard has its symbolic links resolved, like the paths it
     * will be compared with.
     *
     * @param dataFolder the extension's data folder, absolute
     * @return a matcher for fully resolved absolute paths
     */
    public Matcher bind(Path dataFolder) {
        if (!dataFolder.isAbsolute()) {
            throw new IllegalArgumentException("data folder must be absolute: " + dataFolder);
        }
        List<String> segments = segments(pattern);
        Path literal = isAbsolute() ? dataFolder.getRoot() : dataFolder;
        int first = 0;
        while (first < segments.size() && !isWildcard(segments.get(first))) {
            literal = literal.resolve(segments.get(first));
            first++;
        }
        Path resolved = RealPaths.resolve(literal);
        Optional<ResolvedPrefix> folder = ResolvedPrefix.ofFolder(literal, resolved);
        String prefix = RealPaths.slashed(resolved == null ? literal.normalize() : resolved);
        StringBuilder regex = new StringBuilder(Pattern.quote(prefix.equals("/") ? "" : prefix));
        List<String> rest = segments.subList(first, segments.size());
        for (String segment : rest) {
            if (segment.equals("**")) {
                regex.append("(?:/.*)?");
            } else {
                regex.append('/').append(segmentRegex(segment));
            }
        }
        Path subtree = resolved != null && rest.equals(List.of("**")) ? resolved : null;
        Path exact = resolved != null && rest.isEmpty() ? resolved : null;
        // DOTALL: a file name may hold line breaks, and ** covers it like any other name
        return new Matcher(this, Pattern.compile(regex.toString(), Pattern.DOTALL), folder, subtree, exact);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static String problemOf(String text) {
        if (text == null || text.isEmpty()) {
            return "is empty; give a path such as reports/** or /srv/shared/*.txt";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (c == '\\') {
                return "contains a backslash; separate folders with /";
            }
            if (c == '[' || c == ']' || c == '{' || c == '}') {
                return "contains '" + c + "'; only * , ** and ? are wildcards here";
            }
        }
        for (String segment : text.split("/")) {
            if (segment.equals("..")) {
                return "contains '..'; name the folder itself (relative patterns stay inside the data folder)";
            }
            if (segment.contains("**") && !segment.equals("**")) {
                return "uses ** inside the segment \"" + segment + "\"; ** must stand alone between separators";
            }
        }
        return null;
    }

    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static boolean isWildcard(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
    }

    private static String segmentRegex(String segment) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }

    /** A glob bound to one data folder. Immutable and thread-safe. */
    public static final class Matcher {
        private final PathGlob glob;
        private final Pattern regex;
        private final Optional<ResolvedPrefix> folder;
        /** For a glob that is a literal folder and {@code **}: that folder resolved, else {@code null}. */
        private final Path subtree;
        /** For a glob without wildcards: the path resolved, else {@code null}. */
        private final Path exact;

        private Matcher(PathGlob glob, Pattern regex, Optional<ResolvedPrefix> folder, Path subtree, Path exact) {
            this.glob = glob;
            this.regex = regex;
            this.folder = folder;
            this.subtree = subtree;
            this.exact = exact;
        }

        /** @return the literal folder before the first wildcard and its real path at binding, if it was a folder */
        Optional<ResolvedPrefix> folder() {
            return folder;
        }

        /** @return the glob this was bound from */
        public PathGlob glob() {
            return glob;
        }

        /**
         * @param resolved an absolute path whose {@code ..} and symbolic links are already resolved
         *                 (see {@link RealPaths#resolve})
         * @return whether the glob matches it
         */
        public boolean matches(Path resolved) {
            // The two commonest globs are compared element by element, as the regex would compare them, without
            // building the path's text.
            if (subtree != null && resolved.getFileSystem() == subtree.getFileSystem()) {
                return resolved.startsWith(subtree);
            }
            if (exact != null && resolved.getFileSystem() == exact.getFileSystem()) {
                return resolved.equals(exact);
            }
            String text = RealPaths.slashed(resolved);
            return regex.matcher(text.equals("/") ? "" : text).matches();
        }

        @Override
        public String toString() {
            return glob + " as " + regex.pattern();
        }
    }
}
