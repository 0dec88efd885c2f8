package dev.palisade.core.extension.deploy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.palisade.sandbox.RefusalReason;

/**
 * The steps of the deploy pipeline, in order, as the audit log names them ({@link #code()}): which ones an
 * attempt passed, and the one that refused or failed it. Stateless.
 */
enum DeploymentStep {
    /** A private copy is staged and its zip structure checked. */
    STAGE,
    /** Every entry is signed by one signer whose chain leads to a trust anchor. */
    TRUST,
    /** Manifest rules, descriptor, method schemas and configuration. */
    CHECK,
    /** The bytecode scan found no forbidden call. */
    SCAN,
    /** Version, name and publisher allow it to take the extension's place. */
    UPDATE,
    /** The requested permissions were decided: all granted, or some held for approval. */
    GRANT,
    /** The bundle is installed into the framework (and, unless pending, its entry class created). */
    INSTALL,
    /** An approved pending version is started. */
    START,
    /** The registry serves the new version; the old one is retired. */
    SWITCH;

    private static final Set<RefusalReason> TRUST_REFUSALS = EnumSet.of(RefusalReason.UNSIGNED,
            RefusalReason.TAMPERED, RefusalReason.UNSIGNED_ENTRY, RefusalReason.UNTRUSTED_SIGNER,
            RefusalReason.SIGNER_NOT_VALID, RefusalReason.MULTIPLE_SIGNERS);

    /** @return the lower-case name the audit log uses, such as {@code trust} */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the step of the jar inspection (signature and trust first, then the checks) that refused */
    static DeploymentStep ofInspection(RefusalReason reason) {
        return TRUST_REFUSALS.contains(reason) ? TRUST : CHECK;
    }
}
