package dev.palisade.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.palisade.host.bridge.HostProblem;

/**
 * The allowed moves of one state field ({@code "context status"}, {@code "execution status"}). Staying in
 * the same state is a move only when listed. Immutable once built; thread-safe.
 */
public final class Transitions {

    private final String field;
    private final Map<String, Set<String>> allowed;

    private Transitions(String field, Map<String, Set<String>> allowed) {
        this.field = field;
        this.allowed = allowed;
    }

    /**
     * @param field the state field's name as clients see it ({@code status}, {@code lifecycle_stage})
     */
    public static Builder of(String field) {
        return new Builder(field);
    }

    /** @return the states reachable from {@code from} in one move, in declaration order */
    public Set<String> from(String from) {
        return allowed.getOrDefault(from, Set.of());
    }

    /**
     * @param what the object in words, for the message ({@code "context 1234"})
     * @throws HostProblem 409 {@code invalid-transition} with {@code field}, {@code from}, {@code to} and
     *                     {@code allowed} (the moves from the current state)
     */
    public void require(String what, String from, String to) {
        if (from(from).contains(to)) {
            return;
        }
        Set<String> next = from(from);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("field", field);
        props.put("from", from);
        props.put("to", to);
        props.put("allowed", List.copyOf(next));
        String moves = next.isEmpty() ? "none: " + from + " is final" : String.join(", ", next);
        throw new HostProblem(409, "invalid-transition", "Invalid state change",
                what + " cannot change " + field + " from " + from + " to " + to + "; allowed from " + from + ": "
                        + moves,
                props);
    }

    /** Collects the allowed moves. Not thread-safe; build once. */
    public static final class Builder {
        private final String field;
        private final Map<String, Set<String>> allowed = new LinkedHashMap<>();

        private Builder(String field) {
            this.field = field;
        }

        /** Allows moving from {@code from} to each of {@code to}. */
        public Builder allow(String from, String... to) {
            Set<String> next = allowed.computeIfAbsent(from, k -> new LinkedHashSet<>());
            Collections.addAll(next, to);
            return this;
        }

        public Transitions build() {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            allowed.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
            return new Transitions(field, Collections.unmodifiableMap(copy));
        }
    }
}
