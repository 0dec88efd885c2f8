package dev.palisade.api.extension;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Hook} answers before an operation: go on, stop it with a reason, or go on with a changed
 * payload. Immutable; made only through the factory methods.
 *
 * @since 1.2
 */
public final class HookDecision {

    /** The kinds of answer. */
    public enum Outcome {
        /** The operation goes on unchanged. */
        ALLOW,
        /** The operation is refused; the caller is told the hook's name and reason. */
        VETO,
        /** The operation goes on with the amended payload (which the module validates again). */
        AMEND
    }

    private static final HookDecision ALLOW = new HookDecision(Outcome.ALLOW, null, null);

    private final Outcome outcome;
    private final String reason;
    private final Map<String, Object> payload;

    private HookDecision(Outcome outcome, String reason, Map<String, Object> payload) {
        this.outcome = outcome;
        this.reason = reason;
        this.payload = payload;
    }

    /** @return the answer that lets the operation go on unchanged */
    public static HookDecision allow() {
        return ALLOW;
    }

    /**
     * @param reason why the operation must not happen, for the person who asked for it; not blank
     * @return the answer that refuses the operation
     */
    public static HookDecision veto(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a veto needs a reason the caller can act on");
        }
        return new HookDecision(Outcome.VETO, reason, null);
    }

    /**
     * @param payload the whole changed object, JSON-compatible values only
     * @return the answer that lets the operation go on with {@code payload} in place of what the hook was given
     */
    public static HookDecision amend(Map<String, Object> payload) {
        return new HookDecision(Outcome.AMEND, null, Objects.requireNonNull(payload, "payload"));
    }

    /** @return the kind of answer */
    public Outcome outcome() {
        return outcome;
    }

    /** @return the veto's reason; {@code null} unless {@link Outcome#VETO} */
    public String reason() {
        return reason;
    }

    /** @return the amended payload; {@code null} unless {@link Outcome#AMEND} */
    public Map<String, Object> payload() {
        return payload;
    }
}
