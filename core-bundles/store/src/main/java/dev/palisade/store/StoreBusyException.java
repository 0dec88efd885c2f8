package dev.palisade.store;

/** Every pooled connection stayed in use for the whole acquire timeout; the database itself is up. */
public class StoreBusyException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
