package dev.palisade.core.extension.audit;

import java.util.Map;

import dev.palisade.host.bridge.StoreAdmin;

/**
 * Appends each audit entry to the store's hash-chained audit log ({@link StoreAdmin#appendAudit}): actor as
 * given, action {@code extension.<action>}, target the extension id, details {@code {"detail": ...}} or the
 * facts given to {@link #recordFacts}. The entry is committed when the call returns. When the store cannot
 * take it (an outage), the entry is written as one line to logger {@value #LOGGER} at ERROR level instead,
 * {@code audit not stored (<why>): actor=… action=… extension=… <detail or facts>}, so that it is not lost
 * silently; the caller goes on either way. Thread-safe.
 */
public final class StoreAuditTrail implements AuditTrail {

    /** The logger that receives the entries the store could not take. */
    public static final String LOGGER = "dev.palisade.audit";

    /** The prefix of every action this module appends. */
    public static final String ACTION_PREFIX = "extension.";

    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final StoreAdmin store;

    /** @param store the store's audit log */
    public StoreAuditTrail(StoreAdmin store) {
        this.store = store;
    }

    @Override
    public void record(String actor, String action, String extensionId, String detail) {
        append(actor, action, extensionId, Map.of("detail", String.valueOf(detail)), String.valueOf(detail));
    }

    @Override
    public void recordFacts(String actor, String action, String target, Map<String, ?> facts) {
        append(actor, action, target, facts, String.valueOf(facts));
    }

    private void append(String actor, String action, String target, Map<String, ?> details, String line) {
        try {
            store.appendAudit(actor, ACTION_PREFIX + action, target, details);
        } catch (RuntimeException e) {
            try {
                LOG.log(System.Logger.Level.ERROR, "audit not stored (" + e.getMessage() + "): actor=" + actor
                        + " action=" + ACTION_PREFIX + action + " extension=" + target + " " + line);
            } catch (RuntimeException ignored) {
                // an audit entry must never change what the caller does
            }
        }
    }
}
