package dev.palisade.core.extension.audit;

/**
 * Where the extension module writes what it decided about an extension: grants, approvals, denials,
 * quarantines, releases. One call is one audit entry. Implementations must be thread-safe and must not
 * throw; they are called on extension threads too (for denials).
 */
@FunctionalInterface
public interface AuditTrail {

    /** The actor of what the host decides by itself: the deployment pipeline, quarantines. */
    String HOST = "host";

    /** The actor of what an operator asked for over REST or the command line. */
    String OPERATOR = "operator";

    /**
     * @param actor       who: {@value #HOST}, {@value #OPERATOR}, or the extension's id for its own denials
     * @param action      a short kebab-case verb, such as {@code permissions-granted} or {@code quarantined}
     * @param extensionId the extension concerned
     * @param detail      what was decided and why, in one line
     */
    void record(String actor, String action, String extensionId, String detail);
}
