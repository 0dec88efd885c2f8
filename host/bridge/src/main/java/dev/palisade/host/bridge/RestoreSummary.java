package dev.palisade.host.bridge;

/**
 * What a restore did.
 *
 * @param backup the restored backup's header
 * @param audit  the restored audit chain, verified inside the restore's transaction
 */
public record RestoreSummary(BackupSummary backup, AuditCheck audit) {
}
