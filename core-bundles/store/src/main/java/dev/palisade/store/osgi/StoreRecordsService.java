package dev.palisade.store.osgi;

import java.util.List;
import java.util.function.Supplier;

import dev.palisade.host.bridge.DeploymentLog;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.GrantEntry;
import dev.palisade.host.bridge.GrantLedger;
import dev.palisade.store.Store;
import dev.palisade.store.StoreException;
import dev.palisade.store.grants.Grant;

/**
 * The bridge's {@link DeploymentLog} and {@link GrantLedger} over one open {@link Store}, for the
 * extension module; every {@link StoreException} becomes the {@link dev.palisade.host.bridge.HostProblem}
 * {@link StoreProblems} names. Thread-safe, as the store is.
 */
final class StoreRecordsService implements DeploymentLog, GrantLedger {

    private final Store store;

    StoreRecordsService(Store store) {
        this.store = store;
    }

    @Override
    public void record(DeploymentRecord record) {
        call(() -> {
            store.deployments().record(record);
            return null;
        });
    }

    @Override
    public List<DeploymentRecord> recent(int limit) {
        return call(() -> store.deployments().recent(limit));
    }

    @Override
    public List<DeploymentRecord> ofExtension(String extensionId) {
        return call(() -> store.deployments().ofExtension(extensionId));
    }

    @Override
    public GrantEntry grant(String extensionId, String permission, String target, String publisher,
            String grantedBy) {
        return call(() -> entry(store.grants().grant(extensionId, permission, target, publisher, grantedBy)));
    }

    @Override
    public boolean revoke(String extensionId, String permission, String target) {
        return call(() -> store.grants().revoke(extensionId, permission, target));
    }

    @Override
    public int revokeAll(String extensionId) {
        return call(() -> store.grants().revokeAll(extensionId));
    }

    @Override
    public List<GrantEntry> of(String extensionId) {
        return call(() -> store.grants().of(extensionId).stream().map(StoreRecordsService::entry).toList());
    }

    private static GrantEntry entry(Grant g) {
        return new GrantEntry(g.extensionId(), g.permission(), g.target(), g.publisher(), g.grantedBy(),
                g.grantedAt());
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw StoreProblems.of(e);
        }
    }
}
