package dev.palisade.core.extension.capability;

import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.DecisionPoint;

import java.util.Objects;

/**
 * Who is calling a capability: one extension during one invocation, with the grants it had when
 * the invocation began. Denials go through {@link DecisionPoint#deny}, so they are counted in the
 * same violation log and reach the same policy as the denials of the woven guards. Thread-safe.
 */
final class InvocationScope {

    private final String extensionId;
    private final String extensionName;
    private final String invocationId;
    private final Grants grants;
    private volatile boolean open = true;

    InvocationScope(String extensionId, String extensionName, String invocationId, Grants grants) {
        this.extensionId = Objects.requireNonNull(extensionId, "extensionId");
        this.extensionName = Objects.requireNonNull(extensionName, "extensionName");
        this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
        this.grants = Objects.requireNonNull(grants, "grants");
    }

    String extensionId() {
        return extensionId;
    }

    String extensionName() {
        return extensionName;
    }

    String invocationId() {
        return invocationId;
    }

    /**
     * @return the grants, after making sure the invocation is still running
     * @throws ExtensionException with code {@code capabilities_expired} once the invocation ended
     */
    Grants grants() {
        requireOpen();
        return grants;
    }

    /** @throws ExtensionException with code {@code capabilities_expired} once the invocation ended */
    void requireOpen() {
        if (!open) {
            throw new ExtensionException("capabilities_expired", "the capabilities of invocation " + invocationId
                    + " of extension " + extensionId + " were used after that invocation ended; use the"
                    + " capabilities of the current invocation's context instead of keeping them");
        }
    }

    /** @return a recorded violation for the caller to throw */
    SandboxViolation deny(String permission, String target) {
        return DecisionPoint.deny(extensionId, permission, target);
    }

    void close() {
        open = false;
    }
}
