package dev.palisade.store.backup;

import dev.palisade.store.audit.AuditVerification;

/**
 * What a restore did.
 *
 * @param header the backup's header
 * @param audit  the restored audit chain, verified inside the restore's transaction
 */
public record RestoreResult(BackupHeader header, AuditVerification audit) {
}
