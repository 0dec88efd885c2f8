package dev.palisade.core.confirm;

import java.util.Map;

import dev.palisade.protocol.Counters;

/** The confirm module's business counters, by name. Thread-safe. */
final class ConfirmCounters {

    private final Counters counters = new Counters();

    /** @return the counters, to register as the module's metric source */
    Counters source() {
        return counters;
    }

    void created() {
        counters.increment("palisade_confirmations_created_total", "Confirmation requests created");
    }

    /** @param outcome {@code approved}, {@code rejected} or {@code expired} */
    void settled(String outcome) {
        counters.add("palisade_confirmations_decided_total", "Confirmation requests settled, by outcome",
                Map.of("outcome", outcome), 1);
    }

    /** @param decision the signed decision recorded: {@code approved} or {@code rejected} */
    void decision(String decision) {
        counters.add("palisade_confirmations_decisions_total", "Signed approver decisions recorded, by decision",
                Map.of("decision", decision), 1);
    }

    /** @param verdict the policy's answer: {@code allow}, {@code deny}, {@code none} or {@code failed} */
    void autoDecision(String verdict) {
        counters.add("palisade_confirmations_auto_decided_total",
                "Policy auto-decision questions asked at creation, by the policies' answer",
                Map.of("verdict", verdict), 1);
    }

    /** @param reason why a decision was refused: {@code signature-invalid}, {@code unknown-approver}, ... */
    void refused(String reason) {
        counters.add("palisade_confirmations_signature_failures_total",
                "Decisions refused because their signer could not be verified, by reason",
                Map.of("reason", reason), 1);
    }
}
