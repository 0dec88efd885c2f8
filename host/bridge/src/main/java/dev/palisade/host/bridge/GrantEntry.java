package dev.palisade.host.bridge;

import java.time.Instant;

/**
 * One stored grant.
 *
 * @param extensionId the extension's id
 * @param permission  the permission kind
 * @param target      what it applies to; empty when it has none
 * @param publisher   the signer fingerprint of the publisher key it was given for, or {@code null} when it is
 *                    not tied to a key (since 1.1)
 * @param grantedBy   who granted it
 * @param grantedAt   when, to the microsecond
 */
public record GrantEntry(String extensionId, String permission, String target, String publisher, String grantedBy,
        Instant grantedAt) {
}
