package dev.palisade.core.confirm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.palisade.core.confirm.store.ConfirmationTable;
import dev.palisade.core.confirm.store.StoredConfirmation;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;

/**
 * Marks pending confirmations {@code expired} once their {@code expires_at} has passed: when one is read
 * ({@link #current}) and in the periodic sweep ({@link #sweep}), so a listing never shows an overdue one
 * as pending and the gate's listeners hear of the expiry without anyone reading. Thread-safe.
 */
final class Expiry {

    /** The most confirmations one sweep expires; the next sweep takes the rest. */
    static final int SWEEP_BATCH = 500;

    private final ModuleDatabase db;
    private final ConfirmationTable table;
    private final Clock clock;
    private final Settlements settlements;

    Expiry(ModuleDatabase db, ConfirmationTable table, Clock clock, Settlements settlements) {
        this.db = db;
        this.table = table;
        this.clock = clock;
        this.settlements = settlements;
    }

    /**
     * @return the confirmation as stored now, expired first when it is overdue
     * @throws HostProblem 404 {@code not-found}; the store's 503s
     */
    StoredConfirmation current(String id) {
        Instant now = Timestamps.now(clock);
        StoredConfirmation row = db.inTransaction("reading confirmation " + id, c -> table.find(c, id, false))
                .orElseThrow(() -> ProtocolProblems.notFound("confirmation", id));
        return row.dueAt(now) ? expire(id) : row;
    }

    /**
     * Expires every overdue pending confirmation (at most {@link #SWEEP_BATCH}).
     *
     * @return how many it expired
     */
    int sweep() {
        Instant now = Timestamps.now(clock);
        List<String> due = db.inTransaction("listing overdue confirmations", c -> table.due(c, now, SWEEP_BATCH));
        int expired = 0;
        for (String id : due) {
            if ("expired".equals(expire(id).status())) {
                expired++;
            }
        }
        return expired;
    }

    /** @return the row after expiring it if it is (still) overdue under its lock */
    private StoredConfirmation expire(String id) {
        Instant now = Timestamps.now(clock);
        Expired outcome = db.inTransaction("expiring confirmation " + id, c -> {
            StoredConfirmation row = table.find(c, id, true)
                    .orElseThrow(() -> ProtocolProblems.notFound("confirmation", id));
            if (!row.dueAt(now)) {
                return new Expired(row, false);
            }
            StoredConfirmation expired = ConfirmationResults.expired(row, now);
            table.update(c, expired, now);
            return new Expired(expired, true);
        });
        if (outcome.changed()) {
            settlements.announce(outcome.row());
        }
        return outcome.row();
    }

    private record Expired(StoredConfirmation row, boolean changed) {
    }
}
