package dev.palisade.store.osgi;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import dev.palisade.host.bridge.AuditCheck;
import dev.palisade.host.bridge.AuditReceipt;
import dev.palisade.host.bridge.BackupSummary;
import dev.palisade.host.bridge.RestorePolicy;
import dev.palisade.host.bridge.RestoreSummary;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.host.bridge.StoreProgress;
import dev.palisade.host.bridge.StoreStatus;
import dev.palisade.store.Store;
import dev.palisade.store.StoreException;
import dev.palisade.store.StoreHealth;
import dev.palisade.store.audit.AuditEntry;
import dev.palisade.store.audit.AuditEvent;
import dev.palisade.store.audit.AuditVerification;
import dev.palisade.store.backup.BackupHeader;
import dev.palisade.store.backup.RestoreMode;
import dev.palisade.store.backup.RestoreResult;

/**
 * {@link StoreAdmin} over one open {@link Store}: translates the bridge's JDK types to the store's and
 * every {@link StoreException} to the {@link dev.palisade.host.bridge.HostProblem} the interface names.
 * Thread-safe, as the store is.
 */
final class StoreAdminService implements StoreAdmin {

    private final Store store;

    StoreAdminService(Store store) {
        this.store = store;
    }

    @Override
    public StoreStatus status() {
        StoreHealth h = store.health();
        return new StoreStatus(h.up(), h.kind().name(), h.database(), h.latency().toMillis(), h.problem());
    }

    @Override
    public BackupSummary backup(Path file, StoreProgress progress) {
        return call(() -> summary(store.backups().backup(file, progress::update)));
    }

    @Override
    public RestoreSummary restore(Path file, RestorePolicy policy, StoreProgress progress) {
        RestoreMode mode = policy == RestorePolicy.OVERWRITE_NEWER_DATA ? RestoreMode.OVERWRITE_NEWER_DATA
                : RestoreMode.REFUSE_NEWER_DATA;
        return call(() -> {
            RestoreResult result = store.backups().restore(file, mode, progress::update);
            return new RestoreSummary(summary(result.header()), check(result.audit()));
        });
    }

    @Override
    public AuditCheck verifyAudit() {
        return call(() -> check(store.audit().verify()));
    }

    @Override
    public AuditReceipt appendAudit(String actor, String action, String target, Map<String, ?> details) {
        return call(() -> {
            AuditEntry entry = store.audit().append(new AuditEvent(actor, action, target, details));
            return new AuditReceipt(entry.seq(), entry.at(), entry.hash());
        });
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw StoreProblems.of(e);
        }
    }

    private static BackupSummary summary(BackupHeader h) {
        return new BackupSummary(h.database(), h.schemaVersion(), h.createdAt(), h.newestDataAt(), h.rows());
    }

    static AuditCheck check(AuditVerification v) {
        return v.intact()
                ? new AuditCheck(v.entriesChecked(), v.headSeq(), null, null, v.describe())
                : new AuditCheck(v.entriesChecked(), v.headSeq(), v.firstBreak().seq(), v.firstBreak().kind().name(),
                        v.describe());
    }

    @Override
    public String toString() {
        return "StoreAdmin[" + store + "]";
    }
}
