package dev.palisade.core.confirm;

import dev.palisade.core.confirm.store.StoredConfirmation;

/**
 * What happens once a confirmation is settled (approved, rejected or expired) and committed: the
 * counters count it and the gate's listeners hear of it, on the settling thread. Thread-safe.
 */
final class Settlements {

    private final DecisionListeners listeners;
    private final ConfirmCounters counters;

    Settlements(DecisionListeners listeners, ConfirmCounters counters) {
        this.listeners = listeners;
        this.counters = counters;
    }

    /** Announces {@code row}'s final status; does nothing while it is pending. */
    void announce(StoredConfirmation row) {
        if (!"pending".equals(row.status())) {
            counters.settled(row.status());
            listeners.settle(row.id(), row.status());
        }
    }
}
