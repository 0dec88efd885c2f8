package dev.palisade.core.confirm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.testing.DecisionSigner;
import dev.palisade.host.bridge.HookVerdict;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.PolicyVerdict;
import dev.palisade.store.testing.TestModuleDatabase;
import dev.palisade.web.Json;

/**
 * The confirm module on a real store (H2 or PostgreSQL) with a movable clock, and stand-ins for the extension module's
 * hook and policy services whose answers the test sets.
 */
final class ConfirmFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-22T07:00:00Z");

    final MovableClock clock = new MovableClock(START);
    final TestModuleDatabase db;
    final ConfirmService service;
    final List<String> hookEvents = new ArrayList<>();
    volatile PolicyVerdict policyAnswer;
    volatile HookVerdict vetoOrAmend;

    /** @param db the store to run on, which {@link #close()} closes */
    ConfirmFixture(TestModuleDatabase db) {
        this.db = db;
        db.migrate("confirm", ConfirmFixture.class.getClassLoader(), ConfirmService.SCRIPTS);
        LifecycleHooks hooks = new LifecycleHooks() {
            @Override
            public HookVerdict before(String event, Map<String, Object> payload) {
                hookEvents.add("before " + event);
                HookVerdict v = vetoOrAmend;
                return v == null ? new HookVerdict(false, null, null, payload) : v;
            }

            @Override
            public void after(String event, Map<String, Object> payload) {
                hookEvents.add("after " + event);
            }
        };
        PolicyDecisions policies = (question, subject) -> policyAnswer;
        service = new ConfirmService(db, () -> hooks, () -> policyAnswer == null ? null : policies, clock);
    }

    /** @return a valid request naming {@code approvers} as {@code {id, type: human, required}} */
    static ObjectNode request(String... approverIdsAndRequired) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.putObject("target").put("type", "plan").put("id", "5b1e8c1a-6c3e-4f21-9d9b-2f1a0f5c7e01");
        r.put("type", "approval");
        r.putObject("criteria");
        var approvers = r.putArray("approvers");
        for (int i = 0; i + 1 < approverIdsAndRequired.length; i += 2) {
            approvers.addObject().put("id", approverIdsAndRequired[i]).put("type", "human")
                    .put("required", Boolean.parseBoolean(approverIdsAndRequired[i + 1]));
        }
        return r;
    }

    /** Registers {@code signer}'s key as approver {@code id}. */
    void register(String id, DecisionSigner signer) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", id).put("name", "approver " + id.substring(0, 4)).put("public_key", signer.publicKeyPem());
        service.approvers().register(body);
    }

    /** @return the confirmation after {@code approver}'s signed decision */
    Map<String, Object> decide(String confirmationId, String approverId, DecisionSigner signer, String decision,
            String comments) {
        return service.decisions().decide(confirmationId, DecisionRequest.parse(decisionBody(confirmationId,
                approverId, signer, decision, comments)));
    }

    static JsonNode decisionBody(String confirmationId, String approverId, DecisionSigner signer, String decision,
            String comments) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("approver_id", approverId).put("decision", decision);
        if (comments != null) {
            body.put("comments", comments);
        }
        body.put("signature", signer.sign(confirmationId, approverId, decision, comments));
        return body;
    }

    @Override
    public void close() {
        db.close();
    }
}
