package dev.palisade.core.extension.grant;

import java.time.Instant;
import java.util.List;

import dev.palisade.sandbox.permission.Permission;

/**
 * What an operator approved for one extension, for the publisher key it was approved for.
 *
 * @param extensionId the extension's id
 * @param fingerprint the publisher's signer certificate fingerprint; an approval is void for any other key
 * @param approved    the approved permissions
 * @param updatedAt   when it was last changed
 */
public record StoredGrant(String extensionId, String fingerprint, List<Permission> approved, Instant updatedAt) {

    public StoredGrant {
        approved = List.copyOf(approved);
    }
}
