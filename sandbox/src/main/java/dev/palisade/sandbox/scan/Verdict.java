package dev.palisade.sandbox.scan;

import dev.palisade.sandbox.permission.NeverGranted;

import java.util.List;
import java.util.Objects;

/**
 * What the sandbox does with one reference: nothing (allowed), a run-time check (guarded), or
 * refusing the class (forbidden).
 *
 * @param kind       allowed, guarded or forbidden
 * @param permission for guarded: the permission(s) checked, e.g. {@code file.read+file.write}; for
 *                   forbidden: the category, a {@link NeverGranted} id or one of {@link #UNSUPPORTED},
 *                   {@link #NOT_ALLOWLISTED}, {@link #NOT_EXTENSIBLE}, {@link #METHOD_REFERENCE}; empty if allowed
 * @param reason     one sentence for people: why it is checked or refused, and for refusals what to do
 * @param checks     for guarded: the checks to run, in order; otherwise empty
 */
public record Verdict(Kind kind, String permission, String reason, List<GuardCheck> checks) {

    /** A JDK member that is not on the allowlist. */
    public static final String NOT_ALLOWLISTED = "not-allowlisted";
    /** A JDK member the sandbox does not support, although it is not a never-granted kind. */
    public static final String UNSUPPORTED = "unsupported";
    /** A JDK class extension classes may not extend. */
    public static final String NOT_EXTENSIBLE = "not-extensible";
    /** A method reference (or other method handle) to a member that needs a run-time check. */
    public static final String METHOD_REFERENCE = "method-reference";

    private static final Verdict ALLOWED = new Verdict(Kind.ALLOWED, "", "", List.of());

    /** The three outcomes. */
    public enum Kind { ALLOWED, GUARDED, FORBIDDEN }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(reason, "reason");
        checks = List.copyOf(checks);
    }

    static Verdict allowed() {
        return ALLOWED;
    }

    static Verdict guarded(String permission, List<GuardCheck> checks) {
        String reason = checks.stream().anyMatch(GuardCheck::replacesCall)
                ? "checked at run time against the extension's grants; the sandbox makes the call in a form it controls"
                : "checked at run time against the extension's grants";
        return new Verdict(Kind.GUARDED, permission, reason, checks);
    }

    static Verdict forbidden(String category) {
        return new Verdict(Kind.FORBIDDEN, category, reasonFor(category), List.of());
    }

    /** @return why a category is refused and what to do, for reports */
    static String reasonFor(String category) {
        switch (category) {
            case NOT_ALLOWLISTED:
                return "not on the sandbox's allowlist of JDK members; use the capabilities the host hands the "
                        + "extension, or ask the operator to allowlist the member if it is harmless";
            case UNSUPPORTED:
                return "not supported in the sandbox (it bypasses or outlives the checks); use a supported form of "
                        + "the call or a host capability";
            case NOT_EXTENSIBLE:
                return "extension classes may extend only Object, Record, Enum, exceptions, streams, readers, "
                        + "writers and the basic collections; use composition instead";
            case METHOD_REFERENCE:
                return "a method reference to a checked member skips the check; write a lambda that calls it instead";
            default:
                return NeverGranted.byId(category).map(never -> "never granted: " + never.why())
                        .orElse("refused (" + category + ")");
        }
    }

    /** @return whether this is {@link Kind#ALLOWED} */
    public boolean isAllowed() {
        return kind == Kind.ALLOWED;
    }

    /** @return whether this is {@link Kind#GUARDED} */
    public boolean isGuarded() {
        return kind == Kind.GUARDED;
    }

    /** @return whether this is {@link Kind#FORBIDDEN} */
    public boolean isForbidden() {
        return kind == Kind.FORBIDDEN;
    }
}
