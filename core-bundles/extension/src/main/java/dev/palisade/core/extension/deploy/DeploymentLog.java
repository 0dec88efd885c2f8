package dev.palisade.core.extension.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.palisade.host.bridge.DeploymentRecord;

/**
 * The most recent deployment records, newest first, bounded: once full, adding a record drops the
 * oldest. In memory only, so the log starts empty at every start of the host; a persistent audit store
 * replaces it in a later issue. Thread-safe.
 */
public final class DeploymentLog {

    /** The capacity used by the host. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Deque<DeploymentRecord> records = new ArrayDeque<>();

    /** @param capacity how many records to keep; at least 1 */
    public DeploymentLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a record as the newest; returns it. */
    public synchronized DeploymentRecord add(DeploymentRecord record) {
        records.addFirst(record);
        while (records.size() > capacity) {
            records.removeLast();
        }
        return record;
    }

    /** @return a copy of the kept records, newest first */
    public synchronized List<DeploymentRecord> newestFirst() {
        return new ArrayList<>(records);
    }
}
