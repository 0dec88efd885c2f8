package dev.palisade.host;

/**
 * A Palisade host did not start. The message is one line naming what was wrong and what to do;
 * {@link #failure()} says which kind of problem it was. Whatever had been started is stopped again
 * before this is thrown.
 */
public class PalisadeStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final StartFailure failure;

    /**
     * @param failure the kind of problem
     * @param message what was wrong and what to do, on one line
     */
    public PalisadeStartException(StartFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    /**
     * @param failure the kind of problem
     * @param message what was wrong and what to do, on one line
     * @param cause   the underlying exception
     */
    public PalisadeStartException(StartFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** @return the kind of problem */
    public StartFailure failure() {
        return failure;
    }
}
