package dev.palisade.core.role;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.protocol.Violation;

/**
 * Palisade's reading of {@code inheritance.overrides}, which the MPLP schema leaves open: each item changes
 * what the role inherits, after its parents' effective sets are merged and its own capabilities and
 * permissions added. A permission override {@code {"resource", "actions": [...], "effect": "allow"|"deny"}}
 * adds the actions ({@code allow}, the default) or takes them away ({@code deny}; a resource left without
 * actions is dropped). A capability override {@code {"capability", "level", "type"?, "effect"}} sets the
 * capability's level ({@code allow}; added with {@code type}, default {@code skill}, when the role has no
 * such capability yet) or takes the capability away ({@code deny}). Stateless.
 */
final class RoleOverrides {

    static final Set<String> EFFECTS = Set.of("allow", "deny");
    static final Set<String> LEVELS = Set.of("basic", "intermediate", "advanced", "expert");
    static final Set<String> TYPES = Set.of("skill", "permission", "resource");

    private RoleOverrides() {
    }

    /** Adds a violation for each malformed override of {@code overrides} (at JSON Pointer {@code at}). */
    static void check(JsonNode overrides, String at, List<Violation> found) {
        if (overrides == null || overrides.isNull()) {
            return;
        }
        if (!overrides.isArray()) {
            found.add(new Violation(at, "type", "overrides must be an array"));
            return;
        }
        for (int i = 0; i < overrides.size(); i++) {
            checkOne(overrides.get(i), at + "/" + i, found);
        }
    }

    private static void checkOne(JsonNode item, String at, List<Violation> found) {
        if (!item.isObject()) {
            found.add(new Violation(at, "type", "an override must be an object"));
            return;
        }
        boolean resource = item.has("resource");
        boolean capability = item.has("capability");
        if (resource == capability) {
            found.add(new Violation(at, "oneOf", "an override names either a resource (with actions) or a"
                    + " capability, not " + (resource ? "both" : "neither")));
            return;
        }
        String effect = item.path("effect").asText("allow");
        if (item.has("effect") && !(item.get("effect").isTextual() && EFFECTS.contains(effect))) {
            found.add(new Violation(at + "/effect", "enum", "effect must be allow or deny"));
        }
        if (resource) {
            requireText(item, "resource", at, found);
            JsonNode actions = item.get("actions");
            boolean strings = actions != null && actions.isArray() && !actions.isEmpty();
            if (strings) {
                for (JsonNode action : actions) {
                    strings &= action.isTextual();
                }
            }
            if (!strings) {
                found.add(new Violation(at + "/actions", "type", "actions must be a non-empty array of strings"));
            }
        } else {
            requireText(item, "capability", at, found);
            if (!"deny".equals(effect) && !LEVELS.contains(item.path("level").asText())) {
                found.add(new Violation(at + "/level", "enum", "an allowing capability override needs a level:"
                        + " basic, intermediate, advanced or expert"));
            }
            if (item.has("type") && !TYPES.contains(item.path("type").asText())) {
                found.add(new Violation(at + "/type", "enum", "type must be skill, permission or resource"));
            }
        }
    }

    private static void requireText(JsonNode item, String name, String at, List<Violation> found) {
        if (!item.path(name).isTextual() || item.path(name).asText().isEmpty()) {
            found.add(new Violation(at + "/" + name, "type", name + " must be a non-empty string"));
        }
    }
}
