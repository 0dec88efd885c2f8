package dev.palisade.host.bridge;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The permissions granted to extensions, kept in the store, so a restart keeps them. Registered by the
 * store bundle beside {@link StoreAdmin}; meant for the extension module. A grant is identified by
 * extension id, permission and target (a {@code null} target is stored as the empty string). Thread-safe.
 * Failures are {@link HostProblem}s as {@link StoreAdmin} lists them.
 */
@ProviderType
public interface GrantLedger {

    /**
     * Grants a permission now, in its own transaction; when it was already granted, records the new
     * publisher, grantor and time.
     *
     * @param extensionId the extension's id (at most 128 characters)
     * @param permission  the permission kind, such as {@code file.read} (at most 128)
     * @param target      what it applies to, or {@code null} (at most 512)
     * @param publisher   the signer certificate fingerprint of the publisher key it is given for, or
     *                    {@code null} when it is not tied to a key (at most 128; since 1.1)
     * @param grantedBy   who granted it: {@code policy}, an operator's name (at most 128)
     * @return the stored grant
     */
    GrantEntry grant(String extensionId, String permission, String target, String publisher, String grantedBy);

    /** @return true when the grant existed and is now gone */
    boolean revoke(String extensionId, String permission, String target);

    /** @return how many grants of the extension were removed */
    int revokeAll(String extensionId);

    /** @return the extension's grants, by permission then target */
    List<GrantEntry> of(String extensionId);
}
