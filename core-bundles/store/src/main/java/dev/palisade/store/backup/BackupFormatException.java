package dev.palisade.store.backup;

import dev.palisade.store.StoreException;

/** The file is not a complete Palisade backup (wrong format, damaged, truncated); nothing changed. */
public class BackupFormatException extends StoreException {

    private static final long serialVersionUID = 1L;

    public BackupFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
