package dev.palisade.sandbox.scan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One run-time check a guarded call site gets: a static method of a guard class, called with the
 * extension id as its last argument, either before the call or in its place.
 *
 * @param guardClass simple name of the guard class in {@code dev.palisade.sandbox.guard}, e.g. {@code FileGuard}
 * @param method     the guard method, e.g. {@code read}
 * @param arguments  for {@link Placement#BEFORE}: indexes of the call's arguments to pass, {@link #RECEIVER}
 *                   for the receiver; for {@link Placement#INSTEAD}: empty (the guard takes them all)
 * @param placement  whether the guard runs before the call or replaces it
 */
public record GuardCheck(String guardClass, String method, List<Integer> arguments, Placement placement) {

    /** Argument index standing for the receiver of an instance call ({@code this} in the rules). */
    public static final int RECEIVER = -1;

    /** Where the guard goes relative to the guarded call. */
    public enum Placement {
        /** Called before the call with some of its arguments, returns nothing; the call stays as it was. */
        BEFORE,
        /**
         * Called instead of the call, with its receiver and all its arguments, returning what the call
         * returns: the guard checks and then makes the call itself, in a form the sandbox controls.
         */
        INSTEAD
    }

    public GuardCheck {
        Objects.requireNonNull(guardClass, "guardClass");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(placement, "placement");
        arguments = List.copyOf(arguments);
        if (placement == Placement.INSTEAD && !arguments.isEmpty()) {
            throw new IllegalArgumentException("a guard that replaces the call takes all its arguments: " + arguments);
        }
    }

    /** @return whether the receiver is passed to a guard that runs before the call */
    public boolean usesReceiver() {
        return arguments.contains(RECEIVER);
    }

    /** @return whether the guard replaces the call */
    public boolean replacesCall() {
        return placement == Placement.INSTEAD;
    }

    @Override
    public String toString() {
        if (replacesCall()) {
            return guardClass + "." + method + " instead";
        }
        return guardClass + "." + method + arguments.stream().map(i -> i == RECEIVER ? "this" : Integer.toString(i))
                .collect(Collectors.joining(",", "(", ")"));
    }
}
