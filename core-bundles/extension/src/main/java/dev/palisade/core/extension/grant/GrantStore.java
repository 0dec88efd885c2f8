package dev.palisade.core.extension.grant;

import java.util.Optional;

/**
 * Keeps operators' approvals across restarts. Implementations must be thread-safe; the pipeline calls them
 * under its deployment lock.
 */
public interface GrantStore {

    /**
     * @return what was approved for the extension, if anything
     * @throws GrantStoreException when the store cannot be read
     */
    Optional<StoredGrant> find(String extensionId);

    /**
     * Replaces the approvals of {@code grant.extensionId()}.
     *
     * @throws GrantStoreException when it cannot be written; nothing changed then
     */
    void save(StoredGrant grant);

    /**
     * Forgets the approvals of an extension (when it is removed).
     *
     * @throws GrantStoreException when it cannot be deleted
     */
    void delete(String extensionId);
}
