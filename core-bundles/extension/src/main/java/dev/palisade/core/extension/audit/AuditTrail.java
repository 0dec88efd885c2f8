package dev.palisade.core.extension.audit;

import java.util.Map;

/**
 * Where the extension module writes what happened to an extension: deployment attempts, grants, approvals,
 * denials, quarantines, releases. One call is one audit entry. Implementations must be thread-safe and must
 * not throw; they are called on extension threads too (for denials).
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

    /**
     * Records one entry whose details are several named facts (a deployment attempt's outcome, source, hash,
     * publisher, steps). A trail that keeps only lines gets them as one line, the map's {@code toString()};
     * the store's trail keeps them as the entry's details.
     *
     * @param actor  as for {@link #record(String, String, String, String)}
     * @param action as for {@link #record(String, String, String, String)}
     * @param target the extension's id, or what stands for it when it is not known
     * @param facts  JSON-compatible values (String, Number, Boolean, List of those) under their names,
     *               {@code detail} among them
     */
    default void recordFacts(String actor, String action, String target, Map<String, ?> facts) {
        record(actor, action, target, String.valueOf(facts));
    }
}
