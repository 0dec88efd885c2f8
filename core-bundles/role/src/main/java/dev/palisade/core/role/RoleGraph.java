package dev.palisade.core.role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Role inheritance as a graph from each role to its parents. A role may not inherit, through any chain of
 * parents, from itself. Stateless.
 */
final class RoleGraph {

    private RoleGraph() {
    }

    /**
     * @param role      the role being written
     * @param parent    one of the parents it is given
     * @param parentsOf the stored parents of every other role (the role's own stored parents are not
     *                  consulted: they are being replaced)
     * @return the cycle {@code role -> parent -> ... -> role} that giving {@code role} this parent would
     *         close, or empty when there is none
     */
    static Optional<List<String>> cycle(String role, String parent, Function<String, List<String>> parentsOf) {
        List<String> path = new ArrayList<>();
        path.add(role);
        return walk(role, parent, parentsOf, path, new LinkedHashSet<>());
    }

    private static Optional<List<String>> walk(String role, String at, Function<String, List<String>> parentsOf,
            List<String> path, Set<String> seen) {
        path.add(at);
        if (at.equals(role)) {
            return Optional.of(List.copyOf(path));
        }
        if (seen.add(at)) {
            for (String next : parentsOf.apply(at)) {
                Optional<List<String>> found = walk(role, next, parentsOf, path, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }
}
