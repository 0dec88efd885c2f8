package dev.palisade.api.extension;

import java.util.List;

/**
 * What a {@link Policy} answers: allow or deny, why, and what the caller must do if it goes on (obligations,
 * such as {@code notify:security}). Immutable; made only through the factory methods.
 *
 * @since 1.2
 */
public final class PolicyDecision {

    private final boolean allowed;
    private final String reason;
    private final List<String> obligations;

    private PolicyDecision(boolean allowed, String reason, List<String> obligations) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a policy decision needs a reason a person can read");
        }
        this.allowed = allowed;
        this.reason = reason;
        this.obligations = List.copyOf(obligations);
    }

    /**
     * @param reason      why it is allowed; not blank
     * @param obligations what the caller must do if it goes on; no {@code null} elements
     * @return an allow
     */
    public static PolicyDecision allow(String reason, List<String> obligations) {
        return new PolicyDecision(true, reason, obligations);
    }

    /**
     * @param reason why it is allowed; not blank
     * @return an allow without obligations
     */
    public static PolicyDecision allow(String reason) {
        return new PolicyDecision(true, reason, List.of());
    }

    /**
     * @param reason why it is denied and what would be allowed, for the person who asked; not blank
     * @return a deny
     */
    public static PolicyDecision deny(String reason) {
        return new PolicyDecision(false, reason, List.of());
    }

    /** @return whether the policy allows */
    public boolean allowed() {
        return allowed;
    }

    /** @return the policy's reason */
    public String reason() {
        return reason;
    }

    /** @return what the caller must do if it goes on; empty for a deny */
    public List<String> obligations() {
        return obligations;
    }
}
