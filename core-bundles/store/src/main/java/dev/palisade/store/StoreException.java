package dev.palisade.store;

/**
 * The root of every failure the store reports. Messages are one line: what failed, against which
 * database, and what to do.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
