package dev.palisade.core.extension.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.sandbox.RefusalReason;

class DeploymentAuditTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String SHA = "ab".repeat(32);

    /** One recorded entry, as the store's trail would append it. */
    private record Entry(String actor, String action, String target, Map<String, ?> facts) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final DeploymentAudit audit = new DeploymentAudit(new AuditTrail() {
        @Override
        public void record(String actor, String action, String extensionId, String detail) {
            throw new AssertionError("a deployment is recorded with its facts, not as one line: " + detail);
        }

        @Override
        public void recordFacts(String actor, String action, String target, Map<String, ?> facts) {
            entries.add(new Entry(actor, action, target, facts));
        }
    });

    @Test
    void aJarRefusedBeforeItsDescriptorIsReadIsNamedByItsFileAndTheStepThatRefusedIt() {
        DeploymentAttempt attempt = new DeploymentAttempt(CLOCK, DeploymentSource.DEPLOY_FOLDER, "evil.jar");
        attempt.staged(SHA);
        DeploymentRecord record = attempt.refused(DeploymentStep.ofInspection(RefusalReason.UNTRUSTED_SIGNER),
                "[untrusted-signer] the signer CN=Mallory does not chain to etc/trust");
        audit.record(attempt, record);

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("detail", "[untrusted-signer] the signer CN=Mallory does not chain to etc/trust");
        facts.put("code", "untrusted-signer");
        facts.put("attempt", record.attemptId());
        facts.put("source", "DEPLOY_FOLDER");
        facts.put("file", "evil.jar");
        facts.put("sha256", SHA);
        facts.put("steps", List.of("stage"));
        facts.put("stopped_at", "trust");
        assertEquals(List.of(new Entry("host", "deployment.refused", "evil.jar", facts)), entries);
        assertEquals(List.copyOf(facts.keySet()), List.copyOf(entries.get(0).facts().keySet()), "the facts' order");
    }

    @Test
    void anUploadThatServesNamesItsPublisherAndEveryStepAndItsOperator() {
        DeploymentAttempt attempt = new DeploymentAttempt(CLOCK, DeploymentSource.REST, "tt.jar");
        attempt.staged(SHA);
        attempt.signedBy("CN=Text Tools Publisher", "cd".repeat(32));
        for (DeploymentStep step : List.of(DeploymentStep.TRUST, DeploymentStep.CHECK, DeploymentStep.SCAN,
                DeploymentStep.UPDATE, DeploymentStep.GRANT, DeploymentStep.INSTALL, DeploymentStep.SWITCH)) {
            attempt.pass(step);
        }
        DeploymentRecord record = new DeploymentRecord(attempt.attemptId(), CLOCK.instant(), DeploymentSource.REST,
                "tt.jar", SHA, DeploymentOutcome.REPLACED, "ext-1", "text-tools", "1.1.0",
                "[replaced] text-tools 1.1.0 now serves in place of version 1.0.0");
        audit.record(attempt, record);

        Entry entry = entries.get(0);
        assertEquals("operator", entry.actor());
        assertEquals("deployment.replaced", entry.action());
        assertEquals("ext-1", entry.target());
        assertEquals("replaced", entry.facts().get("code"));
        assertEquals("1.1.0", entry.facts().get("version"));
        assertEquals("CN=Text Tools Publisher", entry.facts().get("publisher"));
        assertEquals("cd".repeat(32), entry.facts().get("fingerprint"));
        assertEquals(List.of("stage", "trust", "check", "scan", "update", "grant", "install", "switch"),
                entry.facts().get("steps"));
        assertEquals(null, entry.facts().get("stopped_at"));
    }

    @Test
    void aLongReasonIsCutAndTheRecordKeepsItWhole() {
        DeploymentAttempt attempt = new DeploymentAttempt(CLOCK, DeploymentSource.EMBEDDING_API, "big.jar");
        String reason = "[forbidden-call] " + "x".repeat(2 * DeploymentAudit.DETAIL_LIMIT);
        DeploymentRecord record = attempt.refused(DeploymentStep.SCAN, reason);

        Map<String, Object> facts = DeploymentAudit.facts(attempt, record);
        String detail = (String) facts.get("detail");
        assertEquals(DeploymentAudit.DETAIL_LIMIT, detail.length());
        assertEquals(reason.substring(0, DeploymentAudit.DETAIL_LIMIT - 1) + "…", detail);
        assertEquals("forbidden-call", facts.get("code"));
        assertEquals(reason, record.reason());
        assertEquals("host", DeploymentAudit.actorOf(record.source()));
    }
}
