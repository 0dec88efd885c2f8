package dev.palisade.store;

/** A store setting is missing or malformed; the message names the setting and the accepted values. */
public class StoreConfigException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public StoreConfigException(String setting, String message) {
        super("store setting [" + setting + "]: " + message);
        this.setting = setting;
    }

    /** @return the setting's key, for example {@code palisade.db.pool.max} */
    public String setting() {
        return setting;
    }
}
