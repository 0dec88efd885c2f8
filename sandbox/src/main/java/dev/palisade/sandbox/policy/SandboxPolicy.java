package dev.palisade.sandbox.policy;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.permission.Grants;

/**
 * What the host tells the guards: the grants of each extension, and where violations go.
 * Implemented by the host and {@linkplain DecisionPoint#install installed} once.
 *
 * <p>Both methods are called on the extension's own threads, at every guarded call: they must be
 * fast, must not block and must not call back into extension code.
 */
public interface SandboxPolicy {

    /**
     * @param extensionId the id fixed into the calling code at weave time
     * @return that extension's current grants; {@link Grants#none()} for an unknown extension
     */
    Grants grantsFor(String extensionId);

    /**
     * Called for every denial after the {@link DecisionPoint} recorded it and before the guard
     * throws it; for audit and quarantine decisions. Exceptions thrown here are ignored.
     */
    default void violated(SandboxViolation violation) {
    }
}
