package dev.palisade.sandbox.permission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder as a grant names it and the real path it resolved to when the grant was bound: paths below
 * it are resolved from the real path, so the elements above it are not looked at again.
 *
 * @param literal  the folder as written, absolute and normalized
 * @param real     its real path at binding
 * @param linkFree whether the two are the same path (no link on the way to the folder at binding)
 */
record ResolvedPrefix(Path literal, Path real, boolean linkFree) {

    /**
     * @param literal an absolute, normalized folder path
     * @param real    what {@link RealPaths#resolve} made of it ({@code null} if it could not)
     * @return the prefix, if the real path is an existing folder; a folder that does not exist yet is not
     *         trusted, since whatever is created there later may be a link
     */
    static Optional<ResolvedPrefix> ofFolder(Path literal, Path real) {
        return real != null && Files.isDirectory(real) ? Optional.of(new ResolvedPrefix(literal, real, literal.equals(real))) : Optional.empty();
    }
}
