package dev.palisade.itests.escape;

import java.util.Map;
import java.util.function.Function;

/**
 * One escape attempt that passes the install-time checks (it uses only guarded JDK calls) and is
 * denied when it runs.
 *
 * @param name       the test case's name
 * @param jar        builds the extension (with the grants it requests, if any) for a host
 * @param input      the attack input, given the host and the deployed jar; may prepare files
 * @param permission the permission the denial must name
 * @param target     the target the denial must name, given the host and the input
 * @param caught     whether the extension catches the denial itself (its answer then hides it)
 */
record RunTimeAttempt(String name, Function<EscapeHost, HostileJar> jar,
        AttemptInput input, String permission, Function<Map<String, Object>, String> target, Caught caught) {

    /** How the extension treats the denial. */
    enum Caught {
        /** It lets the SandboxViolation reach the host. */
        NO,
        /** It catches it and answers normally. */
        HIDDEN,
        /** It catches it and throws an ordinary ExtensionException instead. */
        LAUNDERED
    }

    /** Builds the input of an attempt; may create files and links first. */
    @FunctionalInterface
    interface AttemptInput {
        Map<String, Object> of(EscapeHost host, HostileJar jar) throws Exception;
    }

    @Override
    public String toString() {
        return name;
    }
}
