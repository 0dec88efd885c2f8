package dev.palisade.store.backup;

import dev.palisade.store.StoreException;

/** A restore was refused before anything changed; the message says why and what to do. */
public class RestoreRefusedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(String message) {
        super(message);
    }
}
