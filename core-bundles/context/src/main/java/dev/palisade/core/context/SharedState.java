package dev.palisade.core.context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;

/**
 * A context's {@code shared_state}: its variables one by one ({@code shared_state.variables}), snapshots
 * and restore, and sync (the changes since a revision, so that another host sharing the database catches
 * up). Every change is a {@link ContextWrites#update} (a revision, the {@code context.update} hooks).
 * Thread-safe.
 */
final class SharedState {

    static final int MAX_KEY = 200;
    static final int MAX_LABEL = 200;

    private final ModuleDatabase database;
    private final ContextWrites writes;
    private final Counters counters;
    private final Clock clock;

    SharedState(ModuleDatabase database, ContextWrites writes, Counters counters, Clock clock) {
        this.database = database;
        this.writes = writes;
        this.counters = counters;
        this.clock = clock;
    }

    /** @return {@code {"id", "revision", "variables": {...}}} */
    Map<String, Object> variables(String id) {
        StoredContext context = writes.load(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("revision", context.revision());
        out.put("variables", variablesOf(context.body()));
        return out;
    }

    /** @return {@code {"key", "value", "revision"}} */
    Map<String, Object> variable(String id, String key) {
        StoredContext context = writes.load(id);
        JsonNode value = variablesOf(context.body()).get(key);
        if (value == null) {
            throw noVariable(id, key);
        }
        return variableAnswer(key, value, context.revision());
    }

    /** What setting a variable did: the answer, and whether the variable is new. */
    record VariableWrite(Map<String, Object> answer, boolean created) {
    }

    /** Sets one variable. */
    VariableWrite putVariable(String id, String key, JsonNode value) {
        requireKey(key);
        ContextWrites.Written written = writes.update(id, "variable.set", current -> {
            ObjectNode next = current.body().deepCopy();
            variablesFor(next).set(key, value);
            return next;
        });
        boolean created = !variablesOf(written.before().body()).has(key);
        return new VariableWrite(variableAnswer(key, value, written.after().revision()), created);
    }

    /** Removes one variable; 404 when the context has none of that name. */
    void deleteVariable(String id, String key) {
        writes.update(id, "variable.remove", current -> {
            ObjectNode next = current.body().deepCopy();
            ObjectNode variables = variablesFor(next);
            if (variables.remove(key) == null) {
                throw noVariable(id, key);
            }
            return next;
        });
    }

    /** Copies the current shared_state; {@code label} may be {@code null}. @return the snapshot's summary */
    Map<String, Object> snapshot(String id, String label) {
        if (label != null && label.length() > MAX_LABEL) {
            throw ProtocolProblems.invalid("the snapshot is not accepted", "/label", "maxLength",
                    "the label is longer than " + MAX_LABEL + " characters");
        }
        SnapshotTables.Snapshot snapshot = database.inTransaction("taking a snapshot of context " + id, c -> {
            StoredContext current = ContextTables.find(c, id, false)
                    .orElseThrow(() -> ProtocolProblems.notFound("context", id));
            SnapshotTables.Snapshot taken = new SnapshotTables.Snapshot(UUID.randomUUID().toString(), id, label,
                    current.revision(), Timestamps.now(clock), current.body().path("shared_state"));
            SnapshotTables.insert(c, taken);
            return taken;
        });
        counters.increment("palisade_context_snapshots_total", "Context snapshots taken");
        return snapshot.summary();
    }

    /** @return the context's snapshots, oldest first */
    List<Map<String, Object>> snapshots(String id) {
        return database.inTransaction("listing the snapshots of context " + id, c -> {
            if (ContextTables.find(c, id, false).isEmpty()) {
                throw ProtocolProblems.notFound("context", id);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (SnapshotTables.Snapshot s : SnapshotTables.list(c, id)) {
                out.add(s.summary());
            }
            return out;
        });
    }

    /**
     * Puts a snapshot's shared_state back.
     *
     * @return {@code {"context": ..., "restored": {"snapshot_id", "label", "snapshot_revision",
     *         "revision_before", "revision", "variables": [names]}}}
     */
    Map<String, Object> restore(String id, String snapshotId) {
        SnapshotTables.Snapshot snapshot = database.inTransaction("reading a snapshot of context " + id,
                c -> SnapshotTables.find(c, id, snapshotId))
                .orElseThrow(() -> ProtocolProblems.notFound("snapshot of context " + id, snapshotId));
        ContextWrites.Written written = writes.update(id, "restore", current -> {
            ObjectNode next = current.body().deepCopy();
            next.set("shared_state", snapshot.sharedState());
            return next;
        });
        counters.increment("palisade_context_restores_total", "Context snapshots restored");
        Map<String, Object> restored = new LinkedHashMap<>();
        restored.put("snapshot_id", snapshot.id());
        restored.put("label", snapshot.label());
        restored.put("snapshot_revision", snapshot.revision());
        restored.put("revision_before", written.before().revision());
        restored.put("revision", written.after().revision());
        List<String> names = new ArrayList<>();
        snapshot.sharedState().path("variables").fieldNames().forEachRemaining(names::add);
        restored.put("variables", names);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("context", JsonColumns.map(written.after().body()));
        answer.put("restored", restored);
        return answer;
    }

    /**
     * The changes after revision {@code since}, or the full context when {@code since} is {@code null} or
     * older than the changes kept ({@link ContextLog#KEPT_CHANGES}).
     *
     * @return {@code {"id", "revision", "since", "mode": "changes", "changes": [...]}} or
     *         {@code {..., "mode": "full", "context": {...}}}
     */
    Map<String, Object> sync(String id, Long since) {
        return database.inTransaction("reading the changes of context " + id, c -> {
            StoredContext current = ContextTables.find(c, id, false)
                    .orElseThrow(() -> ProtocolProblems.notFound("context", id));
            if (since != null && since > current.revision()) {
                throw ProtocolProblems.invalid("the sync request is not accepted", "since", "maximum",
                        "context " + id + " is at revision " + current.revision() + "; since " + since
                                + " is ahead of it (is this the same database?)");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("revision", current.revision());
            answer.put("since", since);
            List<Map<String, Object>> changes = since == null ? List.of() : ContextLog.changesSince(c, id, since);
            boolean complete = since != null
                    && (since == current.revision() || (!changes.isEmpty()
                            && ((Number) changes.get(0).get("revision")).longValue() == since + 1));
            if (complete) {
                answer.put("mode", "changes");
                answer.put("changes", changes);
            } else {
                answer.put("mode", "full");
                answer.put("context", JsonColumns.map(current.body()));
            }
            return answer;
        });
    }

    private static JsonNode variablesOf(JsonNode context) {
        JsonNode variables = context.path("shared_state").path("variables");
        return variables.isObject() ? variables : JsonColumns.tree((Object) Map.of());
    }

    /** @return the object {@code shared_state.variables} of {@code next}, created when missing */
    private static ObjectNode variablesFor(ObjectNode next) {
        JsonNode shared = next.get("shared_state");
        ObjectNode state = shared instanceof ObjectNode o ? o : next.putObject("shared_state");
        JsonNode variables = state.get("variables");
        return variables instanceof ObjectNode o ? o : state.putObject("variables");
    }

    private static Map<String, Object> variableAnswer(String key, JsonNode value, long revision) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key);
        out.put("value", value);
        out.put("revision", revision);
        return out;
    }

    private static void requireKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw ProtocolProblems.invalid("the variable name is not accepted", "key", "pattern",
                    "a variable name has 1 to " + MAX_KEY + " characters and is not blank");
        }
    }

    private static HostProblem noVariable(String id, String key) {
        return new HostProblem(404, "not-found", "No such variable", "context " + id + " has no variable '" + key
                + "'; list them with GET /api/v1/mplp/contexts/" + id + "/variables",
                Map.of("kind", "variable", "id", id, "key", key));
    }
}
