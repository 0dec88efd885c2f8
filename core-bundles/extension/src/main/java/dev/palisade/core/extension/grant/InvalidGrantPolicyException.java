package dev.palisade.core.extension.grant;

/** The operator's grant policy file cannot be read or is malformed; the message names every problem. */
public final class InvalidGrantPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the file, each problem by JSON pointer, and what to do */
    public InvalidGrantPolicyException(String message) {
        super(message);
    }
}
