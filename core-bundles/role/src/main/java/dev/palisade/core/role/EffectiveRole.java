package dev.palisade.core.role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The capabilities and permissions a role really has. A role's effective set is its parents' effective
 * sets merged (the same capability from several parents: the highest level; permissions: the actions of
 * each resource united), then its own capabilities (replacing inherited ones of the same name, whatever
 * their level) and permissions (actions united with the inherited ones; its own conditions win), then its
 * {@link RoleOverrides}. Built from roles already loaded; not thread-safe.
 */
final class EffectiveRole {

    private static final List<String> LEVELS = List.of("basic", "intermediate", "advanced", "expert");

    /** A capability and the role (or {@code override}) it came from. */
    private record Capability(Map<String, Object> fields, String from) {
    }

    /** A resource's united actions, the conditions that apply and the roles they came from. */
    private static final class Permission {
        final Set<String> actions = new LinkedHashSet<>();
        final Set<String> from = new LinkedHashSet<>();
        JsonNode conditions;
    }

    private final Map<String, JsonNode> roles;
    private final Map<String, Sets> computed = new LinkedHashMap<>();

    private record Sets(Map<String, Capability> capabilities, Map<String, Permission> permissions) {
    }

    /** @param roles the role and every ancestor, by id, as stored */
    EffectiveRole(Map<String, JsonNode> roles) {
        this.roles = roles;
    }

    /** @return {@code {"capabilities": [...], "permissions": [...]}} of role {@code id} */
    Map<String, Object> of(String id) {
        Sets sets = sets(id);
        List<Map<String, Object>> capabilities = new ArrayList<>();
        sets.capabilities().values().forEach(c -> {
            Map<String, Object> out = new LinkedHashMap<>(c.fields());
            out.put("from", c.from());
            capabilities.add(out);
        });
        List<Map<String, Object>> permissions = new ArrayList<>();
        sets.permissions().forEach((resource, p) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("resource", resource);
            out.put("actions", List.copyOf(p.actions));
            if (p.conditions != null) {
                out.put("conditions", p.conditions);
            }
            out.put("from", List.copyOf(p.from));
            permissions.add(out);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("capabilities", capabilities);
        answer.put("permissions", permissions);
        return answer;
    }

    private Sets sets(String id) {
        Sets done = computed.get(id);
        if (done != null) {
            return done;
        }
        JsonNode role = roles.get(id);
        Map<String, Capability> capabilities = new LinkedHashMap<>();
        Map<String, Permission> permissions = new LinkedHashMap<>();
        for (JsonNode parent : role.path("inheritance").path("parent_roles")) {
            if (roles.containsKey(parent.asText())) {
                inherit(sets(parent.asText()), capabilities, permissions);
            }
        }
        for (JsonNode c : role.path("capabilities")) {
            capabilities.put(c.path("name").asText(), new Capability(fields(c), id));
        }
        for (JsonNode p : role.path("permissions")) {
            Permission into = permissions.computeIfAbsent(p.path("resource").asText(), r -> new Permission());
            p.path("actions").forEach(a -> into.actions.add(a.asText()));
            into.from.add(id);
            if (p.has("conditions")) {
                into.conditions = p.get("conditions");
            }
        }
        for (JsonNode o : role.path("inheritance").path("overrides")) {
            override(o, capabilities, permissions);
        }
        Sets sets = new Sets(capabilities, permissions);
        computed.put(id, sets);
        return sets;
    }

    private static void inherit(Sets parent, Map<String, Capability> capabilities,
            Map<String, Permission> permissions) {
        parent.capabilities().forEach((name, c) -> capabilities.merge(name, c,
                (mine, theirs) -> rank(theirs) > rank(mine) ? theirs : mine));
        parent.permissions().forEach((resource, p) -> {
            Permission into = permissions.computeIfAbsent(resource, r -> new Permission());
            into.actions.addAll(p.actions);
            into.from.addAll(p.from);
            if (into.conditions == null) {
                into.conditions = p.conditions;
            }
        });
    }

    private static void override(JsonNode o, Map<String, Capability> capabilities,
            Map<String, Permission> permissions) {
        boolean deny = "deny".equals(o.path("effect").asText());
        if (o.has("resource")) {
            String resource = o.path("resource").asText();
            if (deny) {
                Permission p = permissions.get(resource);
                if (p != null) {
                    o.path("actions").forEach(a -> p.actions.remove(a.asText()));
                    if (p.actions.isEmpty()) {
                        permissions.remove(resource);
                    }
                }
            } else {
                Permission into = permissions.computeIfAbsent(resource, r -> new Permission());
                o.path("actions").forEach(a -> into.actions.add(a.asText()));
                into.from.add("override");
            }
        } else {
            String name = o.path("capability").asText();
            if (deny) {
                capabilities.remove(name);
            } else {
                Capability was = capabilities.get(name);
                Map<String, Object> fields = was == null ? new LinkedHashMap<>() : new LinkedHashMap<>(was.fields());
                fields.put("name", name);
                fields.putIfAbsent("type", o.path("type").asText("skill"));
                fields.put("level", o.path("level").asText());
                capabilities.put(name, new Capability(fields, "override"));
            }
        }
    }

    private static Map<String, Object> fields(JsonNode capability) {
        Map<String, Object> out = new LinkedHashMap<>();
        capability.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static int rank(Capability c) {
        return LEVELS.indexOf(String.valueOf(c.fields().get("level") instanceof JsonNode n ? n.asText()
                : c.fields().get("level")));
    }
}
