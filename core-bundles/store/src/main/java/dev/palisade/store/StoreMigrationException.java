package dev.palisade.store;

/** Bringing the database's schema up to this version of Palisade failed; nothing was served from it. */
public class StoreMigrationException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
