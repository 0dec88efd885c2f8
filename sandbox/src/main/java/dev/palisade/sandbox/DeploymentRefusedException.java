package dev.palisade.sandbox;

import java.util.Objects;

/**
 * Thrown when an extension jar fails a sandbox check. The jar must not be installed; the message
 * is meant for the operator or publisher and says what was wrong and what to do about it.
 *
 * <p>{@link #getMessage()} is {@code "[" + reason.code() + "] " + detail}.
 */
public class DeploymentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;
    private final String detail;

    /**
     * @param reason which check refused the jar
     * @param detail what exactly was wrong (entry, header, JSON pointer, signer) and what to do
     */
    public DeploymentRefusedException(RefusalReason reason, String detail) {
        super("[" + Objects.requireNonNull(reason, "reason").code() + "] " + Objects.requireNonNull(detail, "detail"));
        this.reason = reason;
        this.detail = detail;
    }

    /** @return which check refused the jar */
    public RefusalReason reason() {
        return reason;
    }

    /** @return the human-readable detail, without the reason code */
    public String detail() {
        return detail;
    }
}
