package dev.palisade.core.extension.grant;

import java.util.ArrayList;
import java.util.List;

import dev.palisade.sandbox.permission.Permission;

/**
 * The operator's grant policy ({@code etc/grants.json}): profiles per publisher, each auto-granting
 * permission patterns. A request no profile of its publisher covers waits for approval. Immutable.
 *
 * @param profiles the profiles, in file order
 */
public record GrantPolicy(List<GrantProfile> profiles) {

    /** A policy with no profiles: every request waits for approval. */
    public static final GrantPolicy NONE = new GrantPolicy(List.of());

    public GrantPolicy {
        profiles = List.copyOf(profiles);
    }

    /** @return the profiles that apply to this publisher */
    public List<GrantProfile> profilesFor(String fingerprint, String subject) {
        return profiles.stream().filter(p -> p.appliesTo(fingerprint, subject)).toList();
    }

    /**
     * @return the requested permissions some applicable profile covers, in request order
     */
    public List<Permission> autoGranted(String fingerprint, String subject, List<Permission> requested) {
        List<GrantProfile> applicable = profilesFor(fingerprint, subject);
        List<Permission> granted = new ArrayList<>();
        for (Permission permission : requested) {
            if (applicable.stream().anyMatch(p -> p.covers(permission))) {
                granted.add(permission);
            }
        }
        return List.copyOf(granted);
    }
}
