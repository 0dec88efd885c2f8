package dev.palisade.core.extension.grant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.sandbox.permission.Permission;

/**
 * Requested versus granted for one extension version.
 *
 * @param requested   what the descriptor asks for ({@code security.permissions}), in order
 * @param autoGranted the requests a profile of the operator's policy covers
 * @param approved    the requests an operator approved (stored), beyond the auto-granted ones
 * @param profiles    the names of the policy profiles that apply to the publisher
 */
public record ExtensionPermissions(List<Permission> requested, List<Permission> autoGranted,
        List<Permission> approved, List<String> profiles) {

    public ExtensionPermissions {
        requested = List.copyOf(requested);
        autoGranted = List.copyOf(autoGranted);
        approved = List.copyOf(approved);
        profiles = List.copyOf(profiles);
    }

    /** Nothing requested. */
    public static final ExtensionPermissions NONE = new ExtensionPermissions(List.of(), List.of(), List.of(), List.of());

    /**
     * @param requested what the descriptor asks for
     * @param policy    the operator's policy
     * @param stored    what an operator approved earlier for this extension and publisher key, or empty
     * @return the decision: auto-granted first, then approved, the rest pending
     */
    public static ExtensionPermissions decide(List<Permission> requested, GrantPolicy policy, String fingerprint,
            String subject, List<Permission> stored) {
        List<Permission> auto = policy.autoGranted(fingerprint, subject, requested);
        List<Permission> approved = new ArrayList<>();
        for (Permission permission : requested) {
            if (!auto.contains(permission) && stored.contains(permission)) {
                approved.add(permission);
            }
        }
        List<String> names = policy.profilesFor(fingerprint, subject).stream().map(GrantProfile::name).toList();
        return new ExtensionPermissions(requested, auto, approved, names);
    }

    /** @return what the extension may do: the requested permissions auto-granted or approved, in request order */
    public List<Permission> granted() {
        return requested.stream().filter(p -> autoGranted.contains(p) || approved.contains(p)).toList();
    }

    /** @return what awaits an operator's approval */
    public List<Permission> pending() {
        return requested.stream().filter(p -> !autoGranted.contains(p) && !approved.contains(p)).toList();
    }

    /** @return this decision with {@code more} approved as well */
    public ExtensionPermissions approve(List<Permission> more) {
        List<Permission> all = new ArrayList<>(approved);
        for (Permission permission : more) {
            if (!all.contains(permission) && !autoGranted.contains(permission)) {
                all.add(permission);
            }
        }
        return new ExtensionPermissions(requested, autoGranted, all, profiles);
    }

    /** @return the REST view: requested, granted (with how), pending */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requested", PermissionJson.list(requested));
        List<Map<String, Object>> granted = new ArrayList<>();
        for (Permission permission : granted()) {
            Map<String, Object> entry = PermissionJson.of(permission);
            entry.put("by", autoGranted.contains(permission) ? "policy" : "operator");
            granted.add(entry);
        }
        json.put("granted", granted);
        json.put("pending", PermissionJson.list(pending()));
        json.put("profiles", profiles);
        return json;
    }
}
