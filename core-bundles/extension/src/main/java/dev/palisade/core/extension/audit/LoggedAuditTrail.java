package dev.palisade.core.extension.audit;

/**
 * Writes each audit entry as one line to the host's log, logger {@value #LOGGER}:
 * {@code audit action=<action> extension=<id> <detail>}. Until the store's audit log arrives this is the
 * audit record. Thread-safe.
 */
public final class LoggedAuditTrail implements AuditTrail {

    /** The logger name audit lines go to. */
    public static final String LOGGER = "dev.palisade.audit";

    private static final System.Logger LOG = System.getLogger(LOGGER);

    @Override
    public void record(String action, String extensionId, String detail) {
        try {
            LOG.log(System.Logger.Level.INFO, "audit action=" + action + " extension=" + extensionId + " " + detail);
        } catch (RuntimeException ignored) {
            // an audit line must never change what the caller does
        }
    }
}
