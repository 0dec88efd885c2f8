package dev.palisade.core.role;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.Metric;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.HookGate;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;
import dev.palisade.protocol.Violation;

/**
 * The Role module's service: roles created, read, listed, replaced, deleted, given parents with overrides,
 * and their effective capabilities and permissions ({@link EffectiveRole}), on the store's
 * {@link ModuleDatabase} (mandatory). Lifecycle events {@code role.create}, {@code role.update} and
 * {@code role.delete} go to the {@link LifecycleHooks} service when one is registered (a veto refuses the
 * write; an amendment is validated again, with the host's {@code id} and {@code metadata} kept). Writes that
 * change the inheritance graph are serialized on this host, so two of them cannot close a cycle together. A
 * replace or an inheritance is written only over the role's revision it was made from; when another write came
 * first it is made again from the new revision, up to {@value #ATTEMPTS} times (then 409
 * {@code concurrent-update}), and a role deleted meanwhile answers 404.
 * Registered as the role module's {@link ProtocolObjects} ({@code mplp.module=role}) and as a
 * {@link MetricSource}. Thread-safe.
 */
@Component(service = { RoleService.class, ProtocolObjects.class, MetricSource.class },
        property = ProtocolObjects.MODULE_PROPERTY + "=role")
public final class RoleService implements ProtocolObjects, MetricSource {

    static final int MAX_NAME = 200;

    /** How many times a replace or an inheritance is made again when other writes came first. */
    static final int ATTEMPTS = 3;

    @Reference
    private ModuleDatabase database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LifecycleHooks hooks;

    private final Counters counters = new Counters();
    private final Clock clock = Clock.systemUTC();
    private final Object graphWrites = new Object();

    /** The service as Declarative Services makes it. */
    public RoleService() {
    }

    /** The service over {@code database} (migrated here) and {@code hooks} ({@code null}: none), outside OSGi. */
    RoleService(ModuleDatabase database, LifecycleHooks hooks) {
        this.database = database;
        this.hooks = hooks;
        activate();
    }

    @Activate
    void activate() {
        database.migrate("role", RoleService.class.getClassLoader(), List.of("V1__role.sql", "V2__role_revision.sql"));
    }

    /** Creates a role; the host fills {@code id} when absent and {@code metadata.created_at}/{@code updated_at}. */
    Map<String, Object> create(JsonNode body) {
        ObjectNode next = ((ObjectNode) body).deepCopy();
        if (!next.has("id")) {
            next.put("id", UUID.randomUUID().toString());
        }
        Instant at = Timestamps.now(clock);
        stamp(next, at, at);
        ObjectNode stored = write(null, next, at).orElseThrow();
        counters.increment("palisade_role_created_total", "Roles created");
        return JsonColumns.map(stored);
    }

    Map<String, Object> get(String id) {
        return JsonColumns.map(load(id));
    }

    /** @return at most {@code limit} roles by name, those whose name starts with {@code prefix} when given */
    List<Map<String, Object>> list(String prefix, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ObjectNode role : database.inTransaction("listing roles", c -> RoleTables.list(c, prefix, limit))) {
            out.add(JsonColumns.map(role));
        }
        return out;
    }

    /** Replaces the role; {@code id}, when given, must be the path's. */
    Map<String, Object> replace(String id, JsonNode body) {
        JsonNode given = body.get("id");
        if (given != null && !id.equals(given.asText())) {
            throw ProtocolProblems.invalid("the replacement of role " + id + " is not accepted", "/id", "const",
                    "the body's id '" + given.asText() + "' is not the path's id '" + id + "'");
        }
        return JsonColumns.map(update(id, current -> ((ObjectNode) body).deepCopy()));
    }

    /**
     * Adds a parent ({@code {"parent_id", "overrides"?}}): {@code parent_id} joins
     * {@code inheritance.parent_roles} (once) and the overrides are appended to {@code inheritance.overrides}.
     */
    Map<String, Object> inherit(String id, String parentId, JsonNode overrides) {
        List<Violation> found = new ArrayList<>();
        RoleOverrides.check(overrides, "/overrides", found);
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the inheritance of role " + id + " is not accepted", found);
        }
        ObjectNode stored = update(id, current -> withParent(current, parentId, overrides));
        counters.increment("palisade_role_inheritances_total", "Parents added to roles");
        return JsonColumns.map(stored);
    }

    private static ObjectNode withParent(ObjectNode current, String parentId, JsonNode overrides) {
        ObjectNode next = current.deepCopy();
        ObjectNode inheritance = next.get("inheritance") instanceof ObjectNode o ? o : next.putObject("inheritance");
        ArrayNode parents = inheritance.get("parent_roles") instanceof ArrayNode a ? a
                : inheritance.putArray("parent_roles");
        Set<String> known = new LinkedHashSet<>();
        parents.forEach(p -> known.add(p.asText()));
        if (!known.contains(parentId)) {
            parents.add(parentId);
        }
        if (overrides != null && overrides.isArray()) {
            ArrayNode list = inheritance.get("overrides") instanceof ArrayNode a ? a : inheritance.putArray("overrides");
            overrides.forEach(list::add);
        }
        return next;
    }

    /**
     * Writes {@code edit} of the stored role over the revision it was made from, making it again from the new
     * revision when another write came first.
     *
     * @throws HostProblem 404 when the role is (or gets) deleted, 409 {@code concurrent-update} after
     *                     {@value #ATTEMPTS} attempts
     */
    private ObjectNode update(String id, UnaryOperator<ObjectNode> edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RoleTables.Stored current = database.inTransaction("reading role " + id, c -> RoleTables.findStored(c, id))
                    .orElseThrow(() -> ProtocolProblems.notFound("role", id));
            ObjectNode next = edit.apply(current.body());
            next.put("id", id);
            Instant at = Timestamps.now(clock);
            stamp(next, Instant.parse(current.body().path("metadata").path("created_at").asText()), at);
            Optional<ObjectNode> stored = write(current, next, at);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw ProtocolProblems.concurrentUpdate("role", id, ATTEMPTS);
    }

    /**
     * @return {@code {"role_id", "name", "ancestors": [{"id", "name", "depth"}], "capabilities": [...],
     *         "permissions": [...]}}
     */
    Map<String, Object> effective(String id) {
        return database.inTransaction("computing the effective permissions of role " + id, c -> {
            ObjectNode role = RoleTables.find(c, id).orElseThrow(() -> ProtocolProblems.notFound("role", id));
            Map<String, JsonNode> roles = new LinkedHashMap<>();
            roles.put(id, role);
            List<Map<String, Object>> ancestors = new ArrayList<>();
            List<String> level = parentsOf(role);
            for (int depth = 1; !level.isEmpty(); depth++) {
                List<String> nextLevel = new ArrayList<>();
                for (String parentId : level) {
                    if (!roles.containsKey(parentId)) {
                        Optional<ObjectNode> parent = RoleTables.find(c, parentId);
                        if (parent.isPresent()) {
                            roles.put(parentId, parent.get());
                            Map<String, Object> a = new LinkedHashMap<>();
                            a.put("id", parentId);
                            a.put("name", parent.get().path("name").asText());
                            a.put("depth", depth);
                            ancestors.add(a);
                            nextLevel.addAll(parentsOf(parent.get()));
                        }
                    }
                }
                level = nextLevel;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("role_id", id);
            answer.put("name", role.path("name").asText());
            answer.put("ancestors", ancestors);
            answer.putAll(new EffectiveRole(roles).of(id));
            return answer;
        });
    }

    /** Deletes a role that no other role inherits from. */
    void delete(String id) {
        ObjectNode current = load(id);
        Map<String, Object> payload = JsonColumns.map(current);
        HookGate.before(hooks, "role.delete", what(current), payload);
        synchronized (graphWrites) {
            database.inTransaction("deleting role " + id, c -> {
                List<String> children = RoleTables.children(c, id);
                if (!children.isEmpty()) {
                    throw new HostProblem(409, "role-in-use", "Role in use", what(current) + " is a parent of "
                            + children + "; remove it from their inheritance.parent_roles first",
                            Map.of("id", id, "children", children));
                }
                if (!RoleTables.delete(c, id)) {
                    throw ProtocolProblems.notFound("role", id);
                }
                return null;
            });
        }
        HookGate.after(hooks, "role.delete", payload);
    }

    @Override
    public Optional<Map<String, Object>> find(String id) {
        return database.inTransaction("reading role " + id, c -> RoleTables.find(c, id)).map(JsonColumns::map);
    }

    @Override
    public List<Metric> metrics() {
        return counters.metrics();
    }

    private ObjectNode load(String id) {
        return database.inTransaction("reading role " + id, c -> RoleTables.find(c, id))
                .orElseThrow(() -> ProtocolProblems.notFound("role", id));
    }

    /**
     * Validates, asks the hooks, checks names and inheritance against the store and writes, in one transaction.
     *
     * @param current the stored role {@code next} replaces, {@code null} when creating
     * @return the role written, or empty (nothing written) when {@code current} is no longer the stored revision
     * @throws HostProblem 404 when the role to replace is gone
     */
    private Optional<ObjectNode> write(RoleTables.Stored current, ObjectNode next, Instant at) {
        String event = current == null ? "role.create" : "role.update";
        String what = current == null ? "the role" : "role " + next.path("id").asText();
        requireValid(next, what);
        JsonNode amended = JsonColumns.tree((Object) HookGate.before(hooks, event, what, JsonColumns.map(next)));
        ObjectNode role = amended.isObject() ? (ObjectNode) amended : next;
        role.set("id", next.get("id"));
        role.set("metadata", next.get("metadata"));
        requireValid(role, what + " as amended by the hooks");
        String id = role.path("id").asText();
        boolean written;
        synchronized (graphWrites) {
            written = database.inTransaction((current == null ? "creating" : "replacing") + " role " + id, c -> {
                if (current != null) {
                    Optional<RoleTables.Stored> now = RoleTables.findStored(c, id);
                    if (now.isEmpty()) {
                        throw ProtocolProblems.notFound("role", id);
                    }
                    if (now.get().revision() != current.revision()) {
                        return false;
                    }
                } else if (RoleTables.find(c, id).isPresent()) {
                    throw new HostProblem(409, "already-exists", "Already exists", "a role with id '" + id
                            + "' exists; replace it with PUT /api/v1/mplp/roles/" + id + " or leave id out",
                            Map.of("id", id));
                }
                String name = role.path("name").asText();
                Optional<ObjectNode> holder = RoleTables.findByName(c, name);
                if (holder.isPresent() && !holder.get().path("id").asText().equals(id)) {
                    throw new HostProblem(409, "already-exists", "Already exists", "the role name '" + name
                            + "' is taken by role " + holder.get().path("id").asText() + "; choose another name",
                            Map.of("name", name, "id", holder.get().path("id").asText()));
                }
                requireParents(c, role, what);
                if (current == null) {
                    RoleTables.insert(c, role, at);
                    return true;
                }
                return RoleTables.update(c, role, current.revision(), at);
            });
        }
        if (!written) {
            return Optional.empty();
        }
        HookGate.after(hooks, event, JsonColumns.map(role));
        return Optional.of(role);
    }

    private static void requireParents(java.sql.Connection c, ObjectNode role, String what)
            throws java.sql.SQLException {
        String id = role.path("id").asText();
        Map<String, List<String>> graph = RoleTables.allParents(c);
        List<Violation> found = new ArrayList<>();
        List<String> parents = parentsOf(role);
        for (int i = 0; i < parents.size(); i++) {
            String parent = parents.get(i);
            String field = "/inheritance/parent_roles/" + i;
            if (!parent.equals(id) && RoleTables.find(c, parent).isEmpty()) {
                found.add(new Violation(field, "exists", "there is no role with id '" + parent + "'"));
                continue;
            }
            Optional<List<String>> cycle = RoleGraph.cycle(id, parent, r -> graph.getOrDefault(r, List.of()));
            if (cycle.isPresent()) {
                found.add(new Violation(field, "acyclic", "inheriting from " + parent
                        + " would close the cycle " + String.join(" -> ", cycle.get())));
            }
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid(what + " has an invalid inheritance", found);
        }
    }

    private static void requireValid(ObjectNode role, String what) {
        MplpSchemas.bundled().requireValid("role", role, what);
        List<Violation> found = new ArrayList<>();
        String name = role.path("name").asText();
        if (name.isBlank() || name.length() > MAX_NAME) {
            found.add(new Violation("/name", "maxLength", "a role name has 1 to " + MAX_NAME
                    + " characters and is not blank"));
        }
        List<String> parents = parentsOf(role);
        if (new LinkedHashSet<>(parents).size() != parents.size()) {
            found.add(new Violation("/inheritance/parent_roles", "uniqueItems", "a parent is named more than once"));
        }
        RoleOverrides.check(role.path("inheritance").get("overrides"), "/inheritance/overrides", found);
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid(what + " is not accepted", found);
        }
    }

    private static List<String> parentsOf(JsonNode role) {
        List<String> out = new ArrayList<>();
        role.path("inheritance").path("parent_roles").forEach(p -> out.add(p.asText()));
        return out;
    }

    private static void stamp(ObjectNode role, Instant created, Instant updated) {
        JsonNode metadata = role.get("metadata");
        if (metadata == null) {
            metadata = role.putObject("metadata");
        }
        if (metadata instanceof ObjectNode m) {
            m.put("created_at", Timestamps.text(created));
            m.put("updated_at", Timestamps.text(updated));
        }
    }

    private static String what(JsonNode role) {
        return "role " + role.path("name").asText() + " (" + role.path("id").asText() + ")";
    }
}
