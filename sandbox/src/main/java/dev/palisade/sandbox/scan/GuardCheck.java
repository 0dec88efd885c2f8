package dev.palisade.sandbox.scan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One run-time check a guarded call site gets: a static method of a guard class called with some
 * of the call's arguments (and the extension id), before the call.
 *
 * @param guardClass simple name of the guard class in {@code dev.palisade.sandbox.guard}, e.g. {@code FileGuard}
 * @param method     the guard method, e.g. {@code read}
 * @param arguments  indexes of the call's arguments to pass, {@link #RECEIVER} for the receiver
 */
public record GuardCheck(String guardClass, String method, List<Integer> arguments) {

    /** Argument index standing for the receiver of an instance call ({@code this} in the rules). */
    public static final int RECEIVER = -1;

    public GuardCheck {
        Objects.requireNonNull(guardClass, "guardClass");
        Objects.requireNonNull(method, "method");
        arguments = List.copyOf(arguments);
    }

    /** @return whether the receiver is passed */
    public boolean usesReceiver() {
        return arguments.contains(RECEIVER);
    }

    @Override
    public String toString() {
        return guardClass + "." + method + arguments.stream().map(i -> i == RECEIVER ? "this" : Integer.toString(i))
                .collect(Collectors.joining(",", "(", ")"));
    }
}
