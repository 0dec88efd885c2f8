package dev.palisade.core.confirm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.store.ConfirmationTable;
import dev.palisade.core.confirm.store.StoredConfirmation;
import dev.palisade.host.bridge.ConfirmationGate;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.HookGate;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.Timestamps;

/**
 * Confirmation requests: created ({@link ConfirmationRequests} checks and completes them, the
 * {@code confirmation.create} before-hooks may veto or amend — an amended request is checked again — and
 * {@link AutoDecision} asks the policies), read (expired first when overdue) and listed. Also the bridge's
 * {@link ConfirmationGate}, so the execute engine creates requests exactly as REST does. Thread-safe.
 */
final class Confirmations implements ConfirmationGate {

    /** The lifecycle event around each creation; payload the request (with its id). */
    static final String CREATE_EVENT = "confirmation.create";

    private final ModuleDatabase db;
    private final ConfirmationTable table;
    private final Expiry expiry;
    private final AutoDecision autoDecision;
    private final Settlements settlements;
    private final DecisionListeners listeners;
    private final ConfirmCounters counters;
    private final Supplier<LifecycleHooks> hooks;
    private final Clock clock;

    Confirmations(ModuleDatabase db, ConfirmationTable table, Expiry expiry, AutoDecision autoDecision,
            Settlements settlements, DecisionListeners listeners, ConfirmCounters counters,
            Supplier<LifecycleHooks> hooks, Clock clock) {
        this.db = db;
        this.table = table;
        this.expiry = expiry;
        this.autoDecision = autoDecision;
        this.settlements = settlements;
        this.listeners = listeners;
        this.counters = counters;
        this.hooks = hooks;
        this.clock = clock;
    }

    /**
     * @param request the client's MPLP Confirm object
     * @return the stored confirmation as the API answers it
     * @throws HostProblem 400 {@code schema-violation}, 409 {@code vetoed-by-hook} or {@code store-conflict}
     *                     (the id is taken), the store's 503s; nothing is stored on any of them
     */
    Map<String, Object> create(JsonNode request) {
        ObjectNode accepted = ConfirmationRequests.accept(request, "the confirmation");
        Map<String, Object> asSent = JsonColumns.map(accepted);
        Map<String, Object> amended = HookGate.before(hooks.get(), CREATE_EVENT,
                "confirmation " + accepted.path("id").asText(), asSent);
        if (!amended.equals(asSent)) {
            accepted = ConfirmationRequests.accept(JsonColumns.tree(amended), "the confirmation as amended by the"
                    + " " + CREATE_EVENT + " hooks");
        }
        Instant now = Timestamps.now(clock);
        StoredConfirmation row = autoDecision.apply(ConfirmationRequests.pending(accepted, now), now);
        db.inTransaction("storing confirmation " + row.id(), c -> {
            table.insert(c, row, now);
            return null;
        });
        counters.created();
        settlements.announce(row);
        Map<String, Object> stored = JsonColumns.map(row.body());
        HookGate.after(hooks.get(), CREATE_EVENT, stored);
        return stored;
    }

    /** @throws HostProblem 404 {@code not-found}; the store's 503s */
    Map<String, Object> get(String id) {
        return JsonColumns.map(expiry.current(id).body());
    }

    /**
     * Lists confirmations newest first, overdue ones expired first.
     *
     * @param status   {@code pending}, {@code approved}, {@code rejected}, {@code expired}, or {@code null}
     * @param targetId only those about this target, or {@code null}
     */
    List<Map<String, Object>> list(String status, String targetId, int limit) {
        expiry.sweep();
        return db.inTransaction("listing confirmations", c -> table.list(c, status, targetId, limit)).stream()
                .map(row -> JsonColumns.map(row.body())).toList();
    }

    @Override
    public Map<String, Object> request(Map<String, Object> confirmation) {
        return create(JsonColumns.tree(confirmation));
    }

    @Override
    public String status(String id) {
        return expiry.current(id).status();
    }

    @Override
    public void whenDecided(String id, Consumer<String> listener) {
        listeners.add(id, listener);
        try {
            String status = status(id);
            if (!"pending".equals(status)) {
                listeners.settleOne(id, listener, status);
            }
        } catch (HostProblem e) {
            listeners.remove(id, listener);
            throw e;
        }
    }

    /**
     * Tells the listeners of confirmations that another host settled (its sweep or decision, not this
     * host's), by reading the status of each confirmation listened for.
     */
    void pollListened() {
        for (String id : listeners.waitedFor()) {
            String status = expiry.current(id).status();
            if (!"pending".equals(status)) {
                listeners.settle(id, status);
            }
        }
    }
}
