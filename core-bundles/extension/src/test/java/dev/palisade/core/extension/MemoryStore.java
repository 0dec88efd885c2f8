package dev.palisade.core.extension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.palisade.host.bridge.DeploymentLog;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.GrantEntry;
import dev.palisade.host.bridge.GrantLedger;
import dev.palisade.host.bridge.HostProblem;

/**
 * The store's deployment history and grants as the bridge describes them, in memory, for tests that run the
 * extension module's parts in a framework without the store bundle (the store bundle's own tests and the
 * distribution's tests cover the real one). It outlives a {@link FelixHost}, as a database outlives a
 * restart, and can be taken {@linkplain #down down}: every call then fails as the store does in an outage.
 */
final class MemoryStore implements DeploymentLog, GrantLedger {

    private final List<DeploymentRecord> records = new ArrayList<>();
    private final Map<String, GrantEntry> grants = new TreeMap<>();
    private volatile boolean down;

    /** @param down whether every call fails with 503 {@code store-unavailable} */
    void down(boolean down) {
        this.down = down;
    }

    @Override
    public synchronized void record(DeploymentRecord record) {
        check();
        if (records.stream().anyMatch(r -> r.attemptId().equals(record.attemptId()))) {
            throw new HostProblem(409, "store-conflict", "Already stored", "attempt " + record.attemptId(), Map.of());
        }
        records.add(record);
    }

    @Override
    public synchronized List<DeploymentRecord> recent(int limit) {
        check();
        return records.stream().sorted(Comparator.comparing(DeploymentRecord::at).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<DeploymentRecord> ofExtension(String extensionId) {
        check();
        return records.stream().filter(r -> extensionId.equals(r.extensionId())).toList();
    }

    @Override
    public synchronized GrantEntry grant(String extensionId, String permission, String target, String publisher,
            String grantedBy) {
        check();
        GrantEntry entry = new GrantEntry(extensionId, permission, target == null ? "" : target, publisher, grantedBy,
                Instant.now());
        grants.put(key(extensionId, permission, entry.target()), entry);
        return entry;
    }

    @Override
    public synchronized boolean revoke(String extensionId, String permission, String target) {
        check();
        return grants.remove(key(extensionId, permission, target == null ? "" : target)) != null;
    }

    @Override
    public synchronized int revokeAll(String extensionId) {
        check();
        List<String> keys = grants.keySet().stream().filter(k -> k.startsWith(extensionId + "\n")).toList();
        keys.forEach(grants::remove);
        return keys.size();
    }

    @Override
    public synchronized List<GrantEntry> of(String extensionId) {
        check();
        return grants.values().stream().filter(g -> g.extensionId().equals(extensionId)).toList();
    }

    private void check() {
        if (down) {
            throw new HostProblem(503, "store-unavailable", "The store is unavailable",
                    "the database cannot be reached", Map.of());
        }
    }

    private static String key(String extensionId, String permission, String target) {
        return extensionId + "\n" + permission + "\n" + target;
    }
}
