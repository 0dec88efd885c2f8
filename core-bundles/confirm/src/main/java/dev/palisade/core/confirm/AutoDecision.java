package dev.palisade.core.confirm;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.store.StoredConfirmation;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.PolicyVerdict;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.Timestamps;
import dev.palisade.web.Json;

/**
 * Asks the policy extensions whether a new confirmation may be approved without people
 * ({@value #QUESTION}, the subject being the confirmation as it would be stored). {@code allow}: approved
 * at once, the decision recorded as {@code {policy, decision: "approved", reason, obligations,
 * decided_at}} with no signature. {@code deny}: it stays pending for the approvers, the denial noted in
 * {@code result.comments}. {@code none} (no policy answers), or no policy service at all: pending. A
 * failure to ask is noted like a denial. Thread-safe.
 */
final class AutoDecision {

    /** The question put to the policies. */
    static final String QUESTION = "confirmation.auto_decide";

    private static final System.Logger LOG = System.getLogger(AutoDecision.class.getName());

    private final Supplier<PolicyDecisions> policies;
    private final ConfirmCounters counters;

    /** @param policies the policy service, or a supplier of {@code null} while there is none */
    AutoDecision(Supplier<PolicyDecisions> policies, ConfirmCounters counters) {
        this.policies = policies;
        this.counters = counters;
    }

    /** @return the pending row as the policies decide it */
    StoredConfirmation apply(StoredConfirmation row, Instant now) {
        PolicyDecisions service = policies.get();
        if (service == null) {
            return row;
        }
        PolicyVerdict verdict;
        try {
            verdict = service.decide(QUESTION, JsonColumns.map(row.body()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "asking the policies " + QUESTION + " for confirmation " + row.id()
                    + " failed; it waits for its approvers", e);
            counters.autoDecision("failed");
            return ConfirmationResults.commented(row, ConfirmationResults.comment("host",
                    "the policies could not be asked " + QUESTION + " (" + e.getMessage()
                            + "); waiting for the approvers", now), now);
        }
        counters.autoDecision(verdict.decision());
        if (verdict.allowed()) {
            ObjectNode decision = Json.mapper().createObjectNode();
            decision.put("policy", verdict.policy());
            decision.put("decision", "approved");
            decision.put("reason", verdict.reason());
            decision.set("obligations", JsonColumns.tree(verdict.obligations() == null ? List.of()
                    : verdict.obligations()));
            decision.put("decided_at", Timestamps.text(now));
            return ConfirmationResults.approvedByPolicy(row, decision, now);
        }
        if (verdict.denied()) {
            return ConfirmationResults.commented(row, ConfirmationResults.comment("policy:" + verdict.policy(),
                    "auto-approval denied: " + verdict.reason() + "; waiting for the approvers", now), now);
        }
        return row;
    }
}
