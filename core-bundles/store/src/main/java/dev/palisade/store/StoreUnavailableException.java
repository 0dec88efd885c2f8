package dev.palisade.store;

/**
 * The database could not be reached: at open, or while running. Calls fail with this within the
 * store's fail-fast timeout; the pool reconnects by itself once the database is back.
 */
public class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String database;

    /**
     * @param database the database's URL without credentials
     * @param message  the whole one-line message
     * @param cause    the driver's or pool's exception
     */
    public StoreUnavailableException(String database, String message, Throwable cause) {
        super(message, cause);
        this.database = database;
    }

    /** @return the database's URL, credentials removed */
    public String database() {
        return database;
    }
}
