package dev.palisade.host;

/** The framework did not stop cleanly or in time when a host was closed. */
public class PalisadeStopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong while stopping
     * @param cause   the underlying exception, or {@code null}
     */
    public PalisadeStopException(String message, Throwable cause) {
        super(message, cause);
    }
}
