package dev.palisade.core.extension.deploy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.palisade.host.bridge.DeploymentLog;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.HostProblem;

/**
 * Writes deployment records to the store's {@link DeploymentLog} and reads the newest back. A deployment
 * goes ahead when its record cannot be written (the bundles are already switched; refusing afterwards would
 * leave things half-done): the record is still returned to the caller, logged at WARNING, and kept in memory
 * to be written before the next record or read, in order and with its original time. At most
 * {@value #BACKLOG} records wait; beyond that the oldest is dropped with an ERROR line holding it in full.
 * Records still waiting when the host stops are lost (each was logged). Thread-safe.
 */
public final class DeploymentRecords {

    /** How many records are listed by {@link #recent()}. */
    public static final int RECENT = 1000;

    /** How many unwritten records wait for the store at most. */
    public static final int BACKLOG = 1000;

    private static final System.Logger LOG = System.getLogger(DeploymentRecords.class.getName());

    private final DeploymentLog log;
    private final Deque<DeploymentRecord> backlog = new ArrayDeque<>();

    /** @param log the store's deployment history */
    public DeploymentRecords(DeploymentLog log) {
        this.log = log;
    }

    /** Writes the record after any waiting ones; never throws for the store. */
    public synchronized void add(DeploymentRecord record) {
        backlog.addLast(record);
        try {
            flush();
        } catch (HostProblem e) {
            LOG.log(System.Logger.Level.WARNING, "deployment record " + record.attemptId() + " is not stored yet ("
                    + e.getMessage() + "); " + backlog.size() + " record(s) wait for the store");
            while (backlog.size() > BACKLOG) {
                DeploymentRecord dropped = backlog.removeFirst();
                LOG.log(System.Logger.Level.ERROR, "deployment record dropped, the store stayed unavailable for "
                        + BACKLOG + " records: " + dropped);
            }
        }
    }

    /**
     * @return the newest {@value #RECENT} records, newest first, after writing any waiting ones
     * @throws HostProblem the store's problem (503 {@code store-unavailable} while it is down)
     */
    public synchronized List<DeploymentRecord> recent() {
        flush();
        return log.recent(RECENT);
    }

    private void flush() {
        while (!backlog.isEmpty()) {
            try {
                log.record(backlog.peekFirst());
            } catch (HostProblem e) {
                if (!"store-conflict".equals(e.type())) {
                    throw e;
                }
                // written by an earlier attempt whose answer was lost: it is stored
            }
            backlog.removeFirst();
        }
    }
}
