package dev.palisade.core.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.confirm.testing.DecisionSigner;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.protocol.JsonColumns;
import dev.palisade.store.testing.TestModuleDatabase;

/** The confirm module on a real H2 store (on PostgreSQL: {@link ConfirmServiceOnPostgresTest}). */
class ConfirmServiceTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    private static final String CAROL = "ca201000-0000-4000-8000-000000000003";

    @TempDir
    Path dir;

    private ConfirmFixture fx;
    private final DecisionSigner alice = DecisionSigner.ed25519();
    private final DecisionSigner bob = DecisionSigner.p256();
    private final DecisionSigner carol = DecisionSigner.p384();

    @BeforeEach
    void start() {
        fx = new ConfirmFixture(openDatabase(dir));
        fx.register(ALICE, alice);
        fx.register(BOB, bob);
        fx.register(CAROL, carol);
    }

    /** @return the store the tests run on, in {@code dir} if it keeps files */
    TestModuleDatabase openDatabase(Path dir) {
        return TestModuleDatabase.h2In(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aNewRequestIsCompletedByTheHostAndPending() {
        Map<String, Object> created = create(ConfirmFixture.request(ALICE, "false"));
        JsonNode c = JsonColumns.tree(created);
        assertTrue(c.path("id").asText().matches("[0-9a-f-]{36}"), c.toString());
        assertEquals("pending", c.path("result").path("status").asText());
        assertEquals("2026-11-22T07:00:00Z", c.path("created_at").asText());
        assertEquals("2026-11-23T07:00:00Z", c.path("expires_at").asText(), "24 hours by default");
        assertEquals(created, fx.service.confirmations().get(c.path("id").asText()));
        assertEquals(List.of("before confirmation.create", "after confirmation.create"), fx.hookEvents);
    }

    @Test
    void badRequestsAreRefusedNamingEachFieldAndNothingIsStored() {
        ObjectNode bad = ConfirmFixture.request(ALICE, "false", ALICE, "true");
        bad.put("type", "wish");
        bad.putObject("result").put("status", "approved");
        bad.with("criteria").putObject("thresholds").put("expires_in", 0);
        HostProblem problem = assertThrows(HostProblem.class, () -> fx.service.confirmations().create(bad));
        assertEquals(400, problem.status());
        assertEquals(List.of("/result host-owned", "/type enum", "/approvers/1/id unique",
                "/criteria/thresholds/expires_in range"), violations(problem));
        assertEquals(List.of(), fx.service.confirmations().list(null, null, 100));
        ObjectNode none = ConfirmFixture.request();
        none.remove("approvers");
        assertEquals(List.of("/approvers required"), violations(assertThrows(HostProblem.class,
                () -> fx.service.confirmations().create(none))));
    }

    @Test
    void oneApproverSettlesWhenNoneIsRequiredAndListenersHearOnce() {
        String id = id(create(ConfirmFixture.request(ALICE, "false", BOB, "false")));
        List<String> heard = new ArrayList<>();
        fx.service.confirmations().whenDecided(id, heard::add);
        JsonNode after = JsonColumns.tree(fx.decide(id, BOB, bob, "approved", "ship it"));
        assertEquals("approved", after.path("result").path("status").asText());
        JsonNode decision = after.path("result").path("decisions").get(0);
        assertEquals(BOB, decision.path("approver_id").asText());
        assertEquals("ECDSA-P256", decision.path("algorithm").asText());
        assertEquals(decision.path("signature").asText(), after.path("result").path("signature").asText());
        assertEquals("ship it", after.path("result").path("comments").get(0).path("text").asText());
        assertEquals(List.of("approved"), heard);
        fx.service.confirmations().whenDecided(id, heard::add);
        assertEquals(List.of("approved", "approved"), heard, "a settled one is told at once");
    }

    @Test
    void everyRequiredApproverMustApprove() {
        String id = id(create(ConfirmFixture.request(ALICE, "true", BOB, "true", CAROL, "false")));
        assertEquals("pending", status(fx.decide(id, CAROL, carol, "approved", null)));
        assertEquals("pending", status(fx.decide(id, ALICE, alice, "approved", null)));
        assertEquals("approved", status(fx.decide(id, BOB, bob, "approved", null)));
    }

    @Test
    void anyRejectionRejectsAndASettledRequestNeverMoves() {
        String id = id(create(ConfirmFixture.request(ALICE, "true", BOB, "false")));
        assertEquals("rejected", status(fx.decide(id, BOB, bob, "rejected", "no")));
        HostProblem problem = assertThrows(HostProblem.class, () -> fx.decide(id, ALICE, alice, "approved", null));
        assertEquals(409, problem.status());
        assertEquals("invalid-transition", problem.type());
        assertEquals("confirmation " + id + " cannot change status from rejected to approved; allowed from rejected:"
                + " none: rejected is final", problem.detail());
    }

    @Test
    void anApproverDecidesOnce() {
        String id = id(create(ConfirmFixture.request(ALICE, "true", BOB, "true")));
        fx.decide(id, ALICE, alice, "approved", null);
        HostProblem problem = assertThrows(HostProblem.class, () -> fx.decide(id, ALICE, alice, "approved", null));
        assertEquals(409, problem.status());
        assertEquals("already-decided", problem.type());
    }

    @Test
    void unverifiableDecisionsAreRefusedAndChangeNothing() {
        String id = id(create(ConfirmFixture.request(ALICE, "false")));
        Map<String, Object> before = fx.service.confirmations().get(id);
        HostProblem forged = assertThrows(HostProblem.class, () -> fx.decide(id, ALICE, bob, "approved", null));
        assertEquals(403, forged.status());
        assertEquals("signature-invalid", forged.type());
        JsonNode tampered = ConfirmFixture.decisionBody(id, ALICE, alice, "approved", null);
        ((ObjectNode) tampered).put("decision", "rejected");
        assertEquals("signature-invalid", assertThrows(HostProblem.class,
                () -> fx.service.decisions().decide(id, DecisionRequest.parse(tampered))).type());
        HostProblem notListed = assertThrows(HostProblem.class, () -> fx.decide(id, BOB, bob, "approved", null));
        assertEquals(403, notListed.status());
        assertEquals("approver-not-listed", notListed.type());
        String stranger = "5a0e0000-0000-4000-8000-000000000009";
        String other = id(create(ConfirmFixture.request(stranger, "false")));
        HostProblem unknown = assertThrows(HostProblem.class,
                () -> fx.decide(other, stranger, DecisionSigner.ed25519(), "approved", null));
        assertEquals(403, unknown.status());
        assertEquals("unknown-approver", unknown.type());
        assertEquals(before, fx.service.confirmations().get(id), "nothing changed");
        double failures = fx.service.counters().metrics().stream()
                .filter(m -> m.name().equals("palisade_confirmations_signature_failures_total"))
                .mapToDouble(m -> m.value()).sum();
        assertEquals(4, failures);
    }

    @Test
    void anOverdueRequestIsExpiredWhenReadAndCannotBeDecided() {
        ObjectNode request = ConfirmFixture.request(ALICE, "false");
        request.with("criteria").putObject("thresholds").put("expires_in", 60);
        String id = id(create(request));
        List<String> heard = new ArrayList<>();
        fx.service.confirmations().whenDecided(id, heard::add);
        fx.clock.advance(Duration.ofSeconds(60));
        HostProblem problem = assertThrows(HostProblem.class, () -> fx.decide(id, ALICE, alice, "approved", null));
        assertEquals(409, problem.status());
        assertEquals("confirmation " + id + " cannot change status from expired to approved; allowed from expired:"
                + " none: expired is final", problem.detail());
        assertEquals("expired", fx.service.confirmations().status(id));
        assertEquals(List.of("expired"), heard);
    }

    @Test
    void theSweepExpiresOverdueRequestsWithoutAReader() {
        ObjectNode shortLived = ConfirmFixture.request(ALICE, "false");
        shortLived.with("criteria").putObject("thresholds").put("expires_in", 10);
        String id = id(create(shortLived));
        String later = id(create(ConfirmFixture.request(ALICE, "false")));
        List<String> heard = new ArrayList<>();
        fx.service.confirmations().whenDecided(id, heard::add);
        assertEquals(0, fx.service.sweep());
        fx.clock.advance(Duration.ofSeconds(11));
        assertEquals(1, fx.service.sweep());
        assertEquals(List.of("expired"), heard);
        assertEquals(1, fx.service.confirmations().list("pending", null, 100).size());
        assertEquals(later, id(fx.service.confirmations().list("pending", null, 100).get(0)));
    }

    @Test
    void aPolicyAllowApprovesAtOnceAndADenyLeavesItToPeople() {
        fx.policyAnswer = new dev.palisade.host.bridge.PolicyVerdict("allow", "low-risk", "a plan under budget",
                List.of());
        JsonNode approved = JsonColumns.tree(create(ConfirmFixture.request(ALICE, "true")));
        assertEquals("approved", approved.path("result").path("status").asText());
        JsonNode byPolicy = approved.path("result").path("decisions").get(0);
        assertEquals("low-risk", byPolicy.path("policy").asText());
        assertTrue(byPolicy.path("signature").isMissingNode());
        fx.policyAnswer = new dev.palisade.host.bridge.PolicyVerdict("deny", "low-risk", "over budget", List.of());
        JsonNode pending = JsonColumns.tree(create(ConfirmFixture.request(ALICE, "true")));
        assertEquals("pending", pending.path("result").path("status").asText());
        assertEquals("policy:low-risk", pending.path("result").path("comments").get(0).path("by").asText());
    }

    @Test
    void aHookVetoStoresNothingAndAnAmendmentIsCheckedAgain() {
        fx.vetoOrAmend = new dev.palisade.host.bridge.HookVerdict(true, "freeze", "change freeze", null);
        HostProblem veto = assertThrows(HostProblem.class,
                () -> fx.service.confirmations().create(ConfirmFixture.request(ALICE, "false")));
        assertEquals("vetoed-by-hook", veto.type());
        assertEquals(List.of(), fx.service.confirmations().list(null, null, 100));
        Map<String, Object> broken = JsonColumns.map(ConfirmFixture.request(ALICE, "false"));
        broken.put("type", "wish");
        fx.vetoOrAmend = new dev.palisade.host.bridge.HookVerdict(false, null, null, broken);
        HostProblem amended = assertThrows(HostProblem.class,
                () -> fx.service.confirmations().create(ConfirmFixture.request(ALICE, "false")));
        assertEquals(List.of("/type enum"), violations(amended));
        assertTrue(amended.detail().startsWith("the confirmation as amended by the confirmation.create hooks is"
                + " refused"), amended.detail());
    }

    private Map<String, Object> create(ObjectNode request) {
        return fx.service.confirmations().create(request);
    }

    private static String id(Map<String, Object> confirmation) {
        return (String) confirmation.get("id");
    }

    private static String status(Map<String, Object> confirmation) {
        return (String) ((Map<?, ?>) confirmation.get("result")).get("status");
    }

    private static List<String> violations(HostProblem problem) {
        List<String> out = new ArrayList<>();
        for (Object v : (List<?>) problem.properties().get("violations")) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.add(m.get("field") + " " + m.get("rule"));
        }
        return out;
    }
}
