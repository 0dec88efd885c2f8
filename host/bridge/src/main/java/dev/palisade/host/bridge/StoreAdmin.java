package dev.palisade.host.bridge;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The store as the host's other parts see it: health, backup, restore and the hash-chained audit
 * log. Registered by the store bundle once its database is open and migrated; used by {@code /health},
 * the REST admin endpoints, the command line and (for audit events) the extension module.
 * Thread-safe.
 *
 * <p>Failures are {@link HostProblem}s with these types: {@code store-unavailable} (503, the database
 * cannot be reached; calls fail within the store's fail-fast timeout and succeed again once it is
 * back), {@code store-busy} (503, every pooled connection stayed in use), {@code restore-refused}
 * (409, nothing changed), {@code backup-invalid} (400, the file is not a complete backup),
 * {@code store-input} (400, a value does not fit), {@code store-conflict} (409, the row already exists),
 * {@code store-failed} (500). The same store also registers {@link DeploymentLog} and {@link GrantLedger}
 * for the extension module.
 */
@ProviderType
public interface StoreAdmin {

    /**
     * Probes the database through the pool. Returns within about the fail-fast timeout whatever
     * the database does; never throws.
     *
     * @return up or down, the database's kind and, when down, one line saying why
     */
    StoreStatus status();

    /**
     * Writes a backup of every table to {@code file} from one consistent snapshot while writers go
     * on. The file is written beside {@code file} under a temporary name and moved into place only
     * when complete.
     *
     * @param file     the backup file to create or replace
     * @param progress told the rows copied per table
     * @return what the backup holds
     * @throws HostProblem as listed in the class comment
     */
    BackupSummary backup(Path file, StoreProgress progress);

    /**
     * Replaces every table with the rows of a backup, in one transaction, and verifies the restored
     * audit chain within it.
     *
     * @param file     a file written by {@link #backup}, from H2 or PostgreSQL
     * @param policy   whether data newer than the backup's may be overwritten
     * @param progress told the rows restored per table
     * @return what was restored and the restored chain's verification
     * @throws HostProblem {@code restore-refused} when the store holds newer data and the policy is
     *                     {@link RestorePolicy#REFUSE_NEWER_DATA}, or the backup's schema is newer than the
     *                     store's; {@code backup-invalid} when the file is not a complete backup
     */
    RestoreSummary restore(Path file, RestorePolicy policy, StoreProgress progress);

    /**
     * Walks the whole audit chain in one consistent snapshot (appends may go on meanwhile).
     *
     * @return how many entries were checked and the first broken one, if any
     * @throws HostProblem as listed in the class comment
     */
    AuditCheck verifyAudit();

    /**
     * Appends one entry at the end of the audit chain. When this returns, the entry is committed.
     *
     * @param actor   who: a user, {@code system} or an extension id (at most 128 characters)
     * @param action  what, as a dotted name such as {@code deploy.refused} (at most 128 characters)
     * @param target  to what, or {@code null} (at most 512 characters)
     * @param details JSON-compatible facts (Map, List, String, Number, Boolean, null), or {@code null}
     * @return the stored entry's position, time and hash
     * @throws HostProblem {@code store-input} naming the field that does not fit, or as listed in the
     *                     class comment
     */
    AuditReceipt appendAudit(String actor, String action, String target, Map<String, ?> details);
}
