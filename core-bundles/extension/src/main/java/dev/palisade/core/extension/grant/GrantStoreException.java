package dev.palisade.core.extension.grant;

/** The grant store cannot be read or written; the message names the place and what to do. */
public final class GrantStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause   the underlying exception, or {@code null}
     */
    public GrantStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
