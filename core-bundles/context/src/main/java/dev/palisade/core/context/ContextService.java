package dev.palisade.core.context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.Metric;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.ProtocolObjects;
import dev.palisade.protocol.Counters;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.MergePatch;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Violation;

/**
 * The Context module's service: contexts created, read, listed, replaced, patched, deleted and moved
 * through their status and lifecycle stage, on the store's {@link ModuleDatabase} (mandatory: the module
 * stops with the store). Lifecycle events {@code context.create}, {@code context.update},
 * {@code context.status} and {@code context.delete} go to the {@link LifecycleHooks} service when one is
 * registered; without it every operation proceeds. Registered as the context module's
 * {@link ProtocolObjects} ({@code mplp.module=context}) and as a {@link MetricSource}. Thread-safe.
 */
@Component(service = { ContextService.class, ProtocolObjects.class, MetricSource.class },
        property = ProtocolObjects.MODULE_PROPERTY + "=context")
public final class ContextService implements ProtocolObjects, MetricSource {

    private static final int MAX_REASON = 1000;

    @Reference
    private ModuleDatabase database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LifecycleHooks hooks;

    private final Counters counters = new Counters();
    private ContextWrites writes;
    private SharedState sharedState;

    @Activate
    void activate() {
        database.migrate("context", ContextService.class.getClassLoader(), List.of("V1__context.sql"));
        writes = new ContextWrites(database, () -> hooks, Clock.systemUTC());
        sharedState = new SharedState(database, writes, counters, Clock.systemUTC());
    }

    /** @return the variables, snapshots and sync of the contexts */
    SharedState sharedState() {
        return sharedState;
    }

    /** @return the stored context as created (see {@link ContextWrites#create}) */
    Map<String, Object> create(JsonNode body) {
        StoredContext created = writes.create(body);
        counters.increment("palisade_context_created_total", "Contexts created");
        return JsonColumns.map(created.body());
    }

    Map<String, Object> get(String id) {
        return JsonColumns.map(writes.load(id).body());
    }

    /** @return at most {@code limit} contexts (oldest first) with the given status and stage ({@code null}: any) */
    List<Map<String, Object>> list(String status, String stage, int limit) {
        List<StoredContext> found = database.inTransaction("listing contexts",
                c -> ContextTables.list(c, status, stage, limit));
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredContext context : found) {
            out.add(JsonColumns.map(context.body()));
        }
        return out;
    }

    /** Replaces the context's content; {@code id}, when given, must be the path's. */
    Map<String, Object> replace(String id, JsonNode body) {
        JsonNode given = body.get("id");
        if (given != null && !id.equals(given.asText())) {
            throw ProtocolProblems.invalid("the replacement of context " + id + " is not accepted", "/id", "const",
                    "the body's id '" + given.asText() + "' is not the path's id '" + id + "'");
        }
        return JsonColumns.map(writes.update(id, "replace", current -> ((ObjectNode) body).deepCopy()).after().body());
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the context's content. */
    Map<String, Object> patch(String id, JsonNode patch) {
        return JsonColumns.map(writes.update(id, "patch",
                current -> (ObjectNode) MergePatch.apply(current.body(), patch)).after().body());
    }

    void delete(String id) {
        writes.delete(id);
    }

    /**
     * Moves the status and/or lifecycle stage: {@code {"status"?, "lifecycle_stage"?, "reason"}}.
     *
     * @return {@code {"context": ..., "recorded": [history entries]}}
     */
    Map<String, Object> changeState(String id, JsonNode request) {
        List<Violation> found = new ArrayList<>();
        String status = optionalText(request, ContextRules.STATUS, found);
        String stage = optionalText(request, ContextRules.STAGE, found);
        String reason = optionalText(request, "reason", found);
        if (reason == null || reason.isBlank()) {
            found.add(new Violation("/reason", "required", "a reason (a non-empty string) is required"));
        } else if (reason.length() > MAX_REASON) {
            found.add(new Violation("/reason", "maxLength", "the reason is longer than " + MAX_REASON + " characters"));
        }
        if (status == null && stage == null && found.isEmpty()) {
            found.add(new Violation("", "required", "name the new status, the new lifecycle_stage or both"));
        }
        if (!found.isEmpty()) {
            throw ProtocolProblems.invalid("the state change of context " + id + " is not accepted", found);
        }
        ContextWrites.Written written = writes.changeState(id, status, stage, reason);
        List<Map<String, Object>> recorded = new ArrayList<>();
        for (ContextLog.StateChange change : written.stateChanges()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("revision", written.after().revision());
            entry.put("field", change.field());
            entry.put("from", change.from());
            entry.put("to", change.to());
            entry.put("reason", change.reason());
            entry.put("changed_at", written.after().body().path("metadata").path("updated_at").asText());
            recorded.add(entry);
            counters.add("palisade_context_state_changes_total", "Context status and lifecycle stage changes",
                    Map.of("field", change.field(), "to", change.to()), 1);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("context", JsonColumns.map(written.after().body()));
        answer.put("recorded", recorded);
        return answer;
    }

    /** @return every status and stage change of the context, oldest first */
    List<Map<String, Object>> history(String id) {
        return database.inTransaction("reading the history of context " + id, c -> {
            if (ContextTables.find(c, id, false).isEmpty()) {
                throw ProtocolProblems.notFound("context", id);
            }
            return ContextLog.history(c, id);
        });
    }

    @Override
    public Optional<Map<String, Object>> find(String id) {
        return database.inTransaction("reading context " + id, c -> ContextTables.find(c, id, false))
                .map(context -> JsonColumns.map(context.body()));
    }

    @Override
    public List<Metric> metrics() {
        return counters.metrics();
    }

    private static String optionalText(JsonNode request, String field, List<Violation> found) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            found.add(new Violation("/" + field, "type", field + " must be a string"));
            return null;
        }
        return value.asText();
    }
}
