package dev.palisade.core.extension.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.palisade.api.extension.Policy;
import dev.palisade.api.extension.PolicyDecision;
import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.host.bridge.PolicyVerdict;

class PolicyDispatcherTest {

    private static final String GATE = "plan.quality_gate";

    private final KindsTesting kinds = new KindsTesting();
    private final PolicyDispatcher policies = new PolicyDispatcher(kinds.registry, kinds.calls);

    @AfterEach
    void close() {
        kinds.close();
    }

    private void policy(String name, Policy entry, String... questions) {
        kinds.add("policy", name, List.of(questions), entry);
    }

    @Test
    void noPolicyListingTheQuestionAnswersNone() {
        policy("a-other", (question, subject, context) -> PolicyDecision.deny("other question"),
                "confirmation.auto_decide");

        assertEquals(new PolicyVerdict("none", null, null, List.of()), policies.decide(GATE, Map.of()));
    }

    @Test
    void aDenyWinsOverAllowsWhateverTheOrder() {
        policy("a-allows", (question, subject, context) -> PolicyDecision.allow("fine", List.of("notify:owner")), GATE);
        policy("b-denies", (question, subject, context) -> PolicyDecision.deny("plan has 12 tasks; at most 10"), GATE);
        AtomicInteger asked = new AtomicInteger();
        policy("c-allows", (question, subject, context) -> {
            asked.incrementAndGet();
            return PolicyDecision.allow("fine");
        }, GATE);

        assertEquals(new PolicyVerdict("deny", "b-denies", "plan has 12 tasks; at most 10", List.of()),
                policies.decide(GATE, Map.of("tasks", List.of())));
        assertEquals(0, asked.get());
    }

    @Test
    void whenAllAllowTheVerdictNamesThemAllWithTheirObligations() {
        policy("b-second", (question, subject, context) -> PolicyDecision.allow("risk " + subject.get("risk"),
                List.of("log:decision")), "confirmation.auto_decide");
        policy("a-first", (question, subject, context) -> PolicyDecision.allow("within hours",
                List.of("notify:owner")), "confirmation.auto_decide");

        assertEquals(new PolicyVerdict("allow", "a-first, b-second", "within hours; risk low",
                List.of("notify:owner", "log:decision")), policies.decide("confirmation.auto_decide",
                Map.of("risk", "low")));
    }

    @Test
    void aPolicyPastItsTimeLimitDeniesNamingWhy() {
        kinds.add("policy", "slow", List.of(GATE), (Policy) (question, subject, context) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PolicyDecision.allow("too late");
        }, Duration.ofMillis(200), ExtensionPermissions.NONE);

        PolicyVerdict verdict = policies.decide(GATE, Map.of());

        assertEquals("deny", verdict.decision());
        assertEquals("slow", verdict.policy());
        assertTrue(verdict.reason().startsWith("policy slow 1.0.0 could not answer plan.quality_gate"
                + " [invocation-timeout], which counts as a deny: extension slow 1.0.0 did not answer within 200 ms"),
                verdict.reason());
    }

    @Test
    void aPolicyThatThrowsOrAnswersNullDenies() {
        policy("a-null", (question, subject, context) -> null, GATE);
        assertEquals("policy a-null 1.0.0 could not answer plan.quality_gate [extension-failed], which counts as a"
                + " deny: extension a-null 1.0.0 method 'plan.quality_gate' failed with java.lang.IllegalStateException:"
                + " decide returned null; return PolicyDecision.allow(reason) or deny(reason); this is a defect of the"
                + " extension: report it to its publisher", policies.decide(GATE, Map.of()).reason());
    }

    @Test
    void aPolicyWaitingForApprovalDenies() {
        kinds.addPending("policy", "pending", List.of(GATE));

        PolicyVerdict verdict = policies.decide(GATE, Map.of());

        assertEquals("deny", verdict.decision());
        assertEquals("pending", verdict.policy());
        assertTrue(verdict.reason().startsWith("policy pending 1.0.0 cannot answer plan.quality_gate: it waits for"
                + " approval of net.connect 127.0.0.1:8080; an operator approves with POST /api/v1/mplp/extensions/"),
                verdict.reason());
    }
}
