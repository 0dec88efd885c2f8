package dev.palisade.itests.mplp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.testing.DecisionSigner;
import dev.palisade.itests.RunningDistribution.Response;

/**
 * The Confirm module through REST on the running distribution: approvers register their public keys;
 * confirmations are created, listed and read; a decision counts only when signed with the approver's key
 * (forged, tampered, unlisted and unknown ones are refused with nothing changed); settled and expired
 * confirmations take no more decisions; bad input is answered as problem+json naming the field.
 */
@OnRunningDistribution.HostProperties("palisade.confirm.sweep.interval=PT1S")
class ConfirmIT extends OnRunningDistribution {

    private static final String CONFIRMATIONS = "/api/v1/mplp/confirmations";
    private static final String APPROVERS = CONFIRMATIONS + "/approvers";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSignedDecisionApprovesAndEveryUnverifiableOneIsRefused() throws Exception {
        String alice = UUID.randomUUID().toString();
        DecisionSigner aliceKey = DecisionSigner.ed25519();
        register(alice, aliceKey);
        String bob = UUID.randomUUID().toString();
        DecisionSigner bobKey = DecisionSigner.p256();
        register(bob, bobKey);

        String id = create(request(alice, true, bob, false));
        JsonNode pending = host.get(CONFIRMATIONS + "/" + id).json();
        assertEquals("pending", pending.path("result").path("status").asText());

        assertProblem(decide(id, decision(alice, "approved", null, bobKey.sign(id, alice, "approved", null))), 403,
                "signature-invalid");
        assertProblem(decide(id, decision(alice, "rejected", null, aliceKey.sign(id, alice, "approved", null))), 403,
                "signature-invalid");
        String stranger = UUID.randomUUID().toString();
        DecisionSigner strangerKey = DecisionSigner.ed25519();
        assertProblem(decide(id, decision(stranger, "approved", null, strangerKey.sign(id, stranger, "approved",
                null))), 403, "approver-not-listed");
        assertEquals(pending, host.get(CONFIRMATIONS + "/" + id).json(), "refused decisions change nothing");

        assertEquals("pending", decideSigned(id, bob, bobKey, "approved", "fine by me").path("result").path("status")
                .asText(), "alice is required");
        JsonNode approved = decideSigned(id, alice, aliceKey, "approved", null);
        assertEquals("approved", approved.path("result").path("status").asText(), approved.toString());
        assertEquals(2, approved.path("result").path("decisions").size());

        assertProblem(decide(id, decision(alice, "approved", null, aliceKey.sign(id, alice, "approved", null))), 409,
                "invalid-transition");
        boolean listed = false;
        for (JsonNode c : host.get(CONFIRMATIONS + "?status=approved&target_id=" + pending.path("target").path("id")
                .asText()).json().path("confirmations")) {
            listed |= c.path("id").asText().equals(id);
        }
        assertTrue(listed, "listed by status and target");
    }

    @Test
    void anApproverNotRegisteredCannotDecide() {
        String nobody = UUID.randomUUID().toString();
        String id = create(request(nobody, false));
        assertProblem(decide(id, decision(nobody, "approved", null, DecisionSigner.ed25519().sign(id, nobody,
                "approved", null))), 403, "unknown-approver");
    }

    @Test
    void anExpiredConfirmationTakesNoDecision() throws Exception {
        String carol = UUID.randomUUID().toString();
        DecisionSigner carolKey = DecisionSigner.p384();
        register(carol, carolKey);
        ObjectNode request = request(carol, false);
        request.with("criteria").putObject("thresholds").put("expires_in", 1);
        String id = create(request);
        Thread.sleep(1500);
        Response r = decide(id, decision(carol, "approved", null, carolKey.sign(id, carol, "approved", null)));
        assertProblem(r, 409, "invalid-transition");
        assertEquals("expired", r.json().path("from").asText());
        assertEquals(0, r.json().path("allowed").size());
        assertEquals("expired", host.get(CONFIRMATIONS + "/" + id).json().path("result").path("status").asText());
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndNothingIsStored() {
        int before = count();
        ObjectNode noTarget = request(UUID.randomUUID().toString(), false);
        noTarget.remove("target");
        Response r = host.postJson(CONFIRMATIONS, noTarget.toString());
        assertProblem(r, 400, "schema-violation");
        assertEquals(List.of("(root) required"), violations(r));
        ObjectNode hostOwned = request(UUID.randomUUID().toString(), false);
        hostOwned.putObject("result").put("status", "approved");
        hostOwned.put("type", "wish");
        r = host.postJson(CONFIRMATIONS, hostOwned.toString());
        assertEquals(List.of("/result host-owned", "/type enum"), violations(r));
        assertProblem(host.postJson(CONFIRMATIONS, "{not json"), 400, "malformed-json");
        assertEquals(before, count(), "nothing stored");

        String id = create(request(UUID.randomUUID().toString(), false));
        r = decide(id, "{\"approver_id\":\"x\",\"decision\":\"maybe\",\"signature\":\"***\",\"extra\":1}");
        assertProblem(r, 400, "schema-violation");
        assertEquals(List.of("/extra additionalProperties", "/approver_id pattern", "/decision enum",
                "/signature base64"), violations(r));

        assertProblem(host.get(CONFIRMATIONS + "/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(host.get(CONFIRMATIONS + "?status=bogus"), 400, "schema-violation");
        assertProblem(host.delete(CONFIRMATIONS + "/" + id), 405, "method-not-allowed");
    }

    @Test
    void approversRegisterOnceWithAUsableKey() throws Exception {
        String dave = UUID.randomUUID().toString();
        DecisionSigner daveKey = DecisionSigner.p256();
        Response r = register(dave, daveKey);
        assertEquals("ECDSA-P256", r.json().path("algorithm").asText());
        assertEquals(64, r.json().path("fingerprint").asText().length());
        assertEquals(r.json(), host.get(APPROVERS + "/" + dave).json());
        assertProblem(host.postJson(APPROVERS, approver(dave, DecisionSigner.ed25519().publicKeyPem())), 409,
                "approver-exists");
        Response bad = host.postJson(APPROVERS, approver(UUID.randomUUID().toString(), "hello"));
        assertProblem(bad, 400, "schema-violation");
        assertEquals(List.of("/public_key pem"), violations(bad));
        boolean listed = false;
        for (JsonNode a : host.get(APPROVERS).json().path("approvers")) {
            listed |= a.path("id").asText().equals(dave);
        }
        assertTrue(listed);
    }

    private static Response register(String id, DecisionSigner key) throws Exception {
        Response r = host.postJson(APPROVERS, approver(id, key.publicKeyPem()));
        assertEquals(201, r.status(), r.body());
        return r;
    }

    private static String approver(String id, String pem) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id).put("name", "approver " + id.substring(0, 8)).put("public_key", pem);
        return body.toString();
    }

    /** @return a request listing pairs of approver id and whether it is required */
    private static ObjectNode request(Object... approversAndRequired) {
        ObjectNode r = JSON.createObjectNode();
        r.putObject("target").put("type", "plan").put("id", UUID.randomUUID().toString());
        r.put("type", "approval");
        r.putObject("criteria");
        var approvers = r.putArray("approvers");
        for (int i = 0; i + 1 < approversAndRequired.length; i += 2) {
            approvers.addObject().put("id", (String) approversAndRequired[i]).put("type", "human")
                    .put("required", (Boolean) approversAndRequired[i + 1]);
        }
        return r;
    }

    private static String create(ObjectNode request) {
        Response r = host.postJson(CONFIRMATIONS, request.toString());
        assertEquals(201, r.status(), r.body());
        return r.json().path("id").asText();
    }

    private static String decision(String approver, String decision, String comments, String signature) {
        ObjectNode body = JSON.createObjectNode();
        body.put("approver_id", approver).put("decision", decision);
        if (comments != null) {
            body.put("comments", comments);
        }
        body.put("signature", signature);
        return body.toString();
    }

    private static JsonNode decideSigned(String id, String approver, DecisionSigner key, String decision,
            String comments) {
        Response r = decide(id, decision(approver, decision, comments, key.sign(id, approver, decision, comments)));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static Response decide(String id, String body) {
        return host.postJson(CONFIRMATIONS + "/" + id + "/decide", body);
    }

    private static int count() {
        return host.get(CONFIRMATIONS + "?limit=1000").json().path("confirmations").size();
    }

    private static List<String> violations(Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : r.json().path("violations")) {
            out.add((v.path("field").asText().isEmpty() ? "(root)" : v.path("field").asText()) + " "
                    + v.path("rule").asText());
        }
        return out;
    }

}
