package dev.palisade.core.extension.grant;

import java.util.List;
import java.util.Locale;

import dev.palisade.sandbox.permission.Permission;

/**
 * One profile of the operator's grant policy: which publishers it applies to and which permission
 * patterns their extensions get without approval.
 *
 * @param name         the profile's name, for audit lines
 * @param fingerprints signer certificate SHA-256 fingerprints, lower-case hex without separators
 * @param subjects     signer certificate subjects (RFC 2253, compared exactly); {@code *} matches every
 *                     publisher the trust store accepts
 * @param grant        the permission patterns auto-granted (see {@link PermissionCoverage})
 */
public record GrantProfile(String name, List<String> fingerprints, List<String> subjects, List<Permission> grant) {

    public GrantProfile {
        fingerprints = fingerprints.stream().map(GrantProfile::normalizeFingerprint).toList();
        subjects = List.copyOf(subjects);
        grant = List.copyOf(grant);
    }

    /** @return whether this profile applies to the publisher with this certificate */
    public boolean appliesTo(String fingerprint, String subject) {
        return (fingerprint != null && fingerprints.contains(normalizeFingerprint(fingerprint)))
                || subjects.contains("*") || (subject != null && subjects.contains(subject));
    }

    /** @return whether one of this profile's patterns covers {@code requested} */
    public boolean covers(Permission requested) {
        return grant.stream().anyMatch(pattern -> PermissionCoverage.covers(pattern, requested));
    }

    /** @return lower-case hex without {@code :} or spaces */
    public static String normalizeFingerprint(String fingerprint) {
        return fingerprint.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
