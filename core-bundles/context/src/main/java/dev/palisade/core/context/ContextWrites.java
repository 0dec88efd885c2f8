package dev.palisade.core.context;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.HookGate;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.MplpSchemas;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;
import dev.palisade.protocol.Violation;

/**
 * Every write of a context goes through here: the host's fields are filled, the object is validated
 * against the MPLP context schema, the before-hooks may veto or amend (the amended object is settled and
 * validated again), and the row, its change operations and its state history are written in one
 * transaction. Updates are optimistic: a write that finds the row moved on since it was read starts over
 * (at most {@link #ATTEMPTS} times). Thread-safe.
 */
final class ContextWrites {

    static final int ATTEMPTS = 3;

    private final ModuleDatabase database;
    private final Supplier<LifecycleHooks> hooks;
    private final Clock clock;

    ContextWrites(ModuleDatabase database, Supplier<LifecycleHooks> hooks, Clock clock) {
        this.database = database;
        this.hooks = hooks;
        this.clock = clock;
    }

    /** How an update turns the current object into the next one; works on its own copy. */
    @FunctionalInterface
    interface Edit {
        ObjectNode apply(StoredContext current);
    }

    /** What a write did. */
    record Written(StoredContext before, StoredContext after, List<ContextLog.StateChange> stateChanges) {
    }

    /** @return the context, read in its own transaction */
    StoredContext load(String id) {
        return database.inTransaction("reading context " + id, c -> ContextTables.find(c, id, false))
                .orElseThrow(() -> ProtocolProblems.notFound("context", id));
    }

    /**
     * Creates a context: the host fills {@code id} (a random UUID) when it is absent, and
     * {@code metadata.created_at}, {@code updated_at} and {@code revision} (1).
     *
     * @throws HostProblem 400 {@code schema-violation}, 409 {@code already-exists} or {@code vetoed-by-hook}
     */
    StoredContext create(JsonNode body) {
        ObjectNode next = ((ObjectNode) body).deepCopy();
        if (!next.has("id")) {
            next.put("id", UUID.randomUUID().toString());
        }
        Instant at = Timestamps.now(clock);
        stamp(next, at, at, 1);
        MplpSchemas.bundled().requireValid("context", next, "the context");
        String id = next.get("id").asText();
        ObjectNode amended = settle(next, HookGate.before(hooks.get(), "context.create", "a new context",
                JsonColumns.map(next)));
        MplpSchemas.bundled().requireValid("context", amended, "the context as amended by the hooks");
        StoredContext created = new StoredContext(id, 1, amended);
        database.inTransaction("creating context " + id, c -> {
            if (ContextTables.find(c, id, false).isPresent()) {
                throw new HostProblem(409, "already-exists", "Already exists", "a context with id '" + id
                        + "' exists; replace it with PUT /api/v1/mplp/contexts/" + id + " or leave id out",
                        Map.of("id", id));
            }
            ContextTables.insert(c, created, at);
            ContextLog.recordChange(c, id, 1, "create", ChangeOps.whole(amended), at);
            ContextLog.recordStateChange(c, id, 1, new ContextLog.StateChange(ContextRules.STATUS, null,
                    created.status(), "created"), at);
            ContextLog.recordStateChange(c, id, 1, new ContextLog.StateChange(ContextRules.STAGE, null,
                    created.stage(), "created"), at);
            return null;
        });
        HookGate.after(hooks.get(), "context.create", JsonColumns.map(amended));
        return created;
    }

    /**
     * Changes a context's content (not its status or stage: {@link #changeState}).
     *
     * @param operation the change's name in the sync log ({@code replace}, {@code variable.set}, ...)
     * @throws HostProblem 404, 409 {@code context-final}, 400 {@code schema-violation} (also when the edit
     *                     changes {@code status} or {@code lifecycle_stage}), 409 {@code vetoed-by-hook},
     *                     409 {@code concurrent-update} when other writes kept coming first
     */
    Written update(String id, String operation, Edit edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredContext current = load(id);
            ContextRules.requireWritable(current.what(), current.status());
            ObjectNode next = edit.apply(current);
            requireSameState(current, next);
            Instant at = Timestamps.now(clock);
            ObjectNode settled = prepare(current, next, at);
            ObjectNode amended = keepHostFields(current, settled, HookGate.before(hooks.get(), "context.update",
                    current.what(), JsonColumns.map(settled)));
            MplpSchemas.bundled().requireValid("context", amended, "context " + id + " as amended by the hooks");
            Written written = commit(current, amended, operation, List.of(), at);
            if (written != null) {
                HookGate.after(hooks.get(), "context.update", JsonColumns.map(amended));
                return written;
            }
        }
        throw ProtocolProblems.concurrentUpdate("context", id, ATTEMPTS);
    }

    /**
     * Moves the context's status and/or lifecycle stage ({@code null}: unchanged), recording each change
     * with {@code reason}. The before-hooks of {@code context.status} may veto; their amendments are not
     * applied (a state change is not content).
     */
    Written changeState(String id, String toStatus, String toStage, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredContext current = load(id);
            ObjectNode next = current.body().deepCopy();
            if (toStatus != null) {
                next.put(ContextRules.STATUS, toStatus);
            }
            if (toStage != null) {
                next.put(ContextRules.STAGE, toStage);
            }
            Instant at = Timestamps.now(clock);
            ObjectNode settled = prepare(current, next, at);
            List<ContextLog.StateChange> changes = new ArrayList<>();
            String status = changed(current.status(), toStatus);
            String stage = changed(current.stage(), toStage);
            if (status == null && stage == null) {
                // only current values named: the move from a state to itself, refused naming the allowed moves
                ContextRules.requireChange(current.what(), current.status(), current.stage(), toStatus,
                        toStatus == null ? toStage : null);
            }
            ContextRules.requireChange(current.what(), current.status(), current.stage(), status, stage);
            if (status != null) {
                changes.add(new ContextLog.StateChange(ContextRules.STATUS, current.status(), status, reason));
            }
            if (stage != null) {
                changes.add(new ContextLog.StateChange(ContextRules.STAGE, current.stage(), stage, reason));
            }
            Map<String, Object> payload = JsonColumns.map(settled);
            HookGate.before(hooks.get(), "context.status", current.what(), payload);
            Written written = commit(current, settled, "status", changes, at);
            if (written != null) {
                HookGate.after(hooks.get(), "context.status", payload);
                return written;
            }
        }
        throw ProtocolProblems.concurrentUpdate("context", id, ATTEMPTS);
    }

    /** Deletes the context and what is kept about it, after the before-hooks of {@code context.delete}. */
    void delete(String id) {
        StoredContext current = load(id);
        Map<String, Object> payload = JsonColumns.map(current.body());
        HookGate.before(hooks.get(), "context.delete", current.what(), payload);
        boolean deleted = database.inTransaction("deleting context " + id, c -> ContextTables.delete(c, id));
        if (!deleted) {
            throw ProtocolProblems.notFound("context", id);
        }
        HookGate.after(hooks.get(), "context.delete", payload);
    }

    private Written commit(StoredContext current, ObjectNode next, String operation,
            List<ContextLog.StateChange> stateChanges, Instant at) {
        StoredContext after = new StoredContext(current.id(), current.revision() + 1, next);
        boolean stored = database.inTransaction("updating context " + current.id(), c -> {
            if (!ContextTables.update(c, after, current.revision(), at)) {
                return false;
            }
            ContextLog.recordChange(c, current.id(), after.revision(), operation,
                    ChangeOps.between(current.body(), next), at);
            for (ContextLog.StateChange change : stateChanges) {
                ContextLog.recordStateChange(c, current.id(), after.revision(), change, at);
            }
            return true;
        });
        return stored ? new Written(current, after, stateChanges) : null;
    }

    /** Fills the host's fields of the next revision and validates it. */
    private ObjectNode prepare(StoredContext current, ObjectNode next, Instant at) {
        next.put("id", current.id());
        stamp(next, Instant.parse(current.body().path("metadata").path("created_at").asText()), at,
                current.revision() + 1);
        MplpSchemas.bundled().requireValid("context", next, current.what());
        return next;
    }

    /** @return the hooks' amendment with the host's fields (id, status, stage, metadata) put back */
    private static ObjectNode keepHostFields(StoredContext current, ObjectNode settled, Map<String, Object> amended) {
        if (amended == null) {
            return settled;
        }
        JsonNode tree = JsonColumns.tree((Object) amended);
        if (!tree.isObject()) {
            return settled;
        }
        ObjectNode out = (ObjectNode) tree;
        for (String hostField : List.of("id", ContextRules.STATUS, ContextRules.STAGE, "metadata")) {
            out.set(hostField, settled.get(hostField));
        }
        return out;
    }

    private ObjectNode settle(ObjectNode next, Map<String, Object> amended) {
        JsonNode tree = JsonColumns.tree((Object) amended);
        if (!tree.isObject()) {
            return next;
        }
        ObjectNode out = (ObjectNode) tree;
        out.set("id", next.get("id"));
        out.set("metadata", next.get("metadata"));
        return out;
    }

    private static void requireSameState(StoredContext current, ObjectNode next) {
        List<Violation> found = new ArrayList<>();
        for (String field : List.of(ContextRules.STATUS, ContextRules.STAGE)) {
            JsonNode value = next.get(field);
            String now = current.body().path(field).asText();
            if (value == null) {
                next.put(field, now);
            } else if (!value.isTextual() || !value.asText().equals(now)) {
                found.add(new Violation("/" + field, "unchanged", field + " is " + now + " and changes only"
                        + " through POST /api/v1/mplp/contexts/" + current.id() + "/status with a reason"));
            }
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the new content of " + current.what() + " is not accepted", found);
        }
    }

    private static void stamp(ObjectNode next, Instant created, Instant updated, long revision) {
        JsonNode metadata = next.get("metadata");
        if (metadata == null) {
            metadata = next.putObject("metadata");
        }
        if (metadata.isObject()) {
            ObjectNode m = (ObjectNode) metadata;
            m.put("created_at", Timestamps.text(created));
            m.put("updated_at", Timestamps.text(updated));
            m.put("revision", revision);
        }
    }

    private static String changed(String current, String requested) {
        return requested == null || requested.equals(current) ? null : requested;
    }

}
