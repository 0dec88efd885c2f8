package dev.palisade.store;

/** A write collided with a row that already exists (a unique key), for example a repeated attempt id. */
public class StoreConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
