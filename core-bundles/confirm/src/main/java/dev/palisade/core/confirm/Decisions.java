package dev.palisade.core.confirm;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.signing.ApproverKey;
import dev.palisade.core.confirm.signing.PublicKeys;
import dev.palisade.core.confirm.store.Approver;
import dev.palisade.core.confirm.store.ConfirmationTable;
import dev.palisade.core.confirm.store.StoredConfirmation;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.protocol.HookGate;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.protocol.ProtocolProblems;
import dev.palisade.protocol.Timestamps;
import dev.palisade.web.Json;

/**
 * Records approvers' signed decisions. A decision is refused, and nothing changes, when the
 * confirmation is not pending (409 {@code invalid-transition}; an overdue one is expired first), the
 * approver is not listed on it (403 {@code approver-not-listed}) or not registered (403
 * {@code unknown-approver}), the signature does not verify with the approver's registered key (403
 * {@code signature-invalid}), the approver already decided (409 {@code already-decided}), or a
 * {@code confirmation.decide} before-hook vetoes (409 {@code vetoed-by-hook}; amendments are ignored,
 * the decision being signed). The checks are repeated under the row's lock before the write, so
 * concurrent decisions apply one after another. Thread-safe.
 */
final class Decisions {

    /** The lifecycle event around each decision; payload {@code {confirmation, decision}}. */
    static final String EVENT = "confirmation.decide";

    private final ModuleDatabase db;
    private final ConfirmationTable table;
    private final Approvers approvers;
    private final Expiry expiry;
    private final Settlements settlements;
    private final ConfirmCounters counters;
    private final Supplier<LifecycleHooks> hooks;
    private final Clock clock;

    Decisions(ModuleDatabase db, ConfirmationTable table, Approvers approvers, Expiry expiry, Settlements settlements,
            ConfirmCounters counters, Supplier<LifecycleHooks> hooks, Clock clock) {
        this.db = db;
        this.table = table;
        this.approvers = approvers;
        this.expiry = expiry;
        this.settlements = settlements;
        this.counters = counters;
        this.hooks = hooks;
        this.clock = clock;
    }

    /**
     * @return the confirmation after the decision, as the API answers it
     * @throws HostProblem as listed in the class comment; 404 {@code not-found}; the store's 503s
     */
    Map<String, Object> decide(String id, DecisionRequest request) {
        StoredConfirmation row = expiry.current(id);
        requireDecidable(row, request);
        if (!isListed(row, request.approverId())) {
            throw refused("approver-not-listed", "Approver not listed", "approver " + request.approverId()
                    + " is not among the approvers of confirmation " + id + "; only the listed approvers may decide",
                    request);
        }
        Approver approver = approvers.find(request.approverId()).orElseThrow(() -> refused("unknown-approver",
                "Unknown approver", "approver " + request.approverId() + " has no registered key; register it with"
                        + " POST /api/v1/mplp/confirmations/approvers first",
                request));
        ApproverKey key = PublicKeys.parse(approver.publicKey(), "/public_key");
        if (!key.verifies(request.statement(id), request.signatureBytes())) {
            throw refused("signature-invalid", "Signature does not verify", "the signature does not verify with the "
                    + approver.algorithm() + " key of approver " + approver.id() + " (fingerprint "
                    + approver.fingerprint() + ") over the statement of this decision ("
                    + "'mplp-confirm-v1', confirmation id, approver id, decision and comments, one per line); sign"
                    + " exactly that with the approver's private key",
                    request);
        }
        Instant decidedAt = Timestamps.now(clock);
        ObjectNode decision = record(request, approver, decidedAt);
        HookGate.before(hooks.get(), EVENT, "confirmation " + id, payload(row, decision));
        Outcome outcome = db.inTransaction("recording a decision on confirmation " + id, c -> {
            Instant now = Timestamps.now(clock);
            StoredConfirmation locked = table.find(c, id, true)
                    .orElseThrow(() -> ProtocolProblems.notFound("confirmation", id));
            if (locked.dueAt(now)) {
                StoredConfirmation expired = ConfirmationResults.expired(locked, now);
                table.update(c, expired, now);
                return new Outcome(expired, false);
            }
            requireDecidable(locked, request);
            ObjectNode comment = request.comments() == null ? null
                    : ConfirmationResults.comment(request.approverId(), request.comments(), now);
            StoredConfirmation decided = ConfirmationResults.decided(locked, decision, comment, now);
            table.update(c, decided, now);
            return new Outcome(decided, true);
        });
        settlements.announce(outcome.row());
        if (!outcome.recorded()) {
            requireDecidable(outcome.row(), request);
        }
        counters.decision(request.decision());
        HookGate.after(hooks.get(), EVENT, payload(outcome.row(), decision));
        return JsonColumns.map(outcome.row().body());
    }

    private static void requireDecidable(StoredConfirmation row, DecisionRequest request) {
        if (!"pending".equals(row.status())) {
            ApprovalRule.STATUS.require("confirmation " + row.id(), row.status(), request.decision());
        }
        for (JsonNode earlier : row.body().path("result").path("decisions")) {
            if (request.approverId().equals(earlier.path("approver_id").asText(null))) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("approver_id", request.approverId());
                props.put("decision", earlier.path("decision").asText());
                props.put("decided_at", earlier.path("decided_at").asText());
                throw new HostProblem(409, "already-decided", "Approver already decided",
                        "approver " + request.approverId() + " already decided confirmation " + row.id() + " ("
                                + earlier.path("decision").asText() + " at " + earlier.path("decided_at").asText()
                                + "); a decision is final",
                        props);
            }
        }
    }

    private static boolean isListed(StoredConfirmation row, String approverId) {
        for (JsonNode a : row.body().path("approvers")) {
            if (approverId.equals(a.path("id").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode record(DecisionRequest request, Approver approver, Instant decidedAt) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("approver_id", request.approverId());
        d.put("decision", request.decision());
        if (request.comments() != null) {
            d.put("comments", request.comments());
        }
        d.put("decided_at", Timestamps.text(decidedAt));
        d.put("algorithm", approver.algorithm());
        d.put("key_fingerprint", approver.fingerprint());
        d.put("signature", request.signature());
        return d;
    }

    private static Map<String, Object> payload(StoredConfirmation row, ObjectNode decision) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("confirmation", JsonColumns.map(row.body()));
        payload.put("decision", JsonColumns.map(decision));
        return payload;
    }

    private HostProblem refused(String type, String title, String detail, DecisionRequest request) {
        counters.refused(type);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("approver_id", request.approverId());
        return new HostProblem(403, type, title, detail + "; nothing was recorded", props);
    }

    private record Outcome(StoredConfirmation row, boolean recorded) {
    }
}
