package dev.palisade.core.extension.audit;

/**
 * Where the extension module writes what it decided about an extension: grants, approvals, denials,
 * quarantines, releases. One call is one audit entry. Implementations must be thread-safe, fast and must
 * not throw; they are called on extension threads too (for denials).
 */
@FunctionalInterface
public interface AuditTrail {

    /**
     * @param action      a short kebab-case verb, such as {@code permissions-granted} or {@code quarantined}
     * @param extensionId the extension concerned
     * @param detail      what was decided and why, in one line
     */
    void record(String action, String extensionId, String detail);
}
