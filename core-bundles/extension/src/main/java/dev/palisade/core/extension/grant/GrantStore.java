package dev.palisade.core.extension.grant;

import java.util.List;

import dev.palisade.sandbox.permission.Permission;

/**
 * Keeps operators' approvals across restarts, each for the publisher key it was given to. Implementations
 * must be thread-safe; the pipeline calls them under its deployment lock. Failures are
 * {@link dev.palisade.host.bridge.HostProblem}s (the store's 503 {@code store-unavailable} while it is down).
 */
public interface GrantStore {

    /**
     * @param fingerprint the signer certificate fingerprint of the version being deployed
     * @return what was approved for the extension while signed by that key; approvals for another key are void
     */
    List<Permission> approved(String extensionId, String fingerprint);

    /**
     * Keeps approvals for one key: adds {@code permissions} and drops what was approved for any other key.
     *
     * @param by who approved, as the store records the grantor
     */
    void approve(String extensionId, String fingerprint, List<Permission> permissions, String by);

    /** Forgets every approval of an extension (when it is removed). */
    void forget(String extensionId);
}
