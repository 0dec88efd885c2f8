package dev.palisade.store.grants;

import java.time.Instant;

/**
 * One granted permission.
 *
 * @param extensionId the extension's descriptor id
 * @param permission  the permission's name, for example {@code net.connect}
 * @param target      what it applies to, for example {@code api.example.com:443}; {@code ""} when the
 *                    permission takes no target
 * @param publisher   the signer fingerprint of the publisher key the grant was given for, or {@code null}
 *                    when it is not tied to a key
 * @param grantedBy   who granted it: a user, or a policy profile
 * @param grantedAt   when, to the microsecond
 */
public record Grant(String extensionId, String permission, String target, String publisher, String grantedBy,
        Instant grantedAt) {
}
