package dev.palisade.core.confirm;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import dev.palisade.core.confirm.store.ApproverTable;
import dev.palisade.core.confirm.store.ConfirmationTable;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.protocol.Counters;

/**
 * The confirm module's parts wired together over one database, without OSGi (the bundle's
 * {@link ConfirmModule} and the tests build it the same way). The database must be migrated first
 * ({@link #SCRIPTS}). Thread-safe.
 */
final class ConfirmService {

    /** The module's migration scripts, in order. */
    static final List<String> SCRIPTS = List.of("V1__confirm.sql");

    private final ConfirmCounters counters = new ConfirmCounters();
    private final Confirmations confirmations;
    private final Decisions decisions;
    private final Approvers approvers;
    private final Expiry expiry;

    /**
     * @param hooks    the lifecycle hooks, or a supplier of {@code null} while there are none
     * @param policies the policy decisions, or a supplier of {@code null} while there are none
     */
    ConfirmService(ModuleDatabase db, Supplier<LifecycleHooks> hooks, Supplier<PolicyDecisions> policies,
            Clock clock) {
        ConfirmationTable table = new ConfirmationTable();
        DecisionListeners listeners = new DecisionListeners();
        Settlements settlements = new Settlements(listeners, counters);
        this.expiry = new Expiry(db, table, clock, settlements);
        this.approvers = new Approvers(db, new ApproverTable(), clock);
        this.confirmations = new Confirmations(db, table, expiry, new AutoDecision(policies, counters), settlements,
                listeners, counters, hooks, clock);
        this.decisions = new Decisions(db, table, approvers, expiry, settlements, counters, hooks, clock);
    }

    Confirmations confirmations() {
        return confirmations;
    }

    Decisions decisions() {
        return decisions;
    }

    Approvers approvers() {
        return approvers;
    }

    /** @return the module's counters, the metric source to register */
    Counters counters() {
        return counters.source();
    }

    /**
     * One round of the periodic work: expires overdue confirmations and tells listeners of confirmations
     * settled elsewhere.
     *
     * @return how many confirmations it expired
     */
    int sweep() {
        int expired = expiry.sweep();
        confirmations.pollListened();
        return expired;
    }
}
