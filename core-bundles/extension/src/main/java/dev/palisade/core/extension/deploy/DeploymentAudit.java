package dev.palisade.core.extension.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;

/**
 * Writes one audit entry per deployment attempt: action {@code deployment.<outcome>} ({@code deployed},
 * {@code replaced}, {@code refused}, {@code failed}, {@code undeployed}), target the extension's id (the
 * jar's file name when it was refused before its descriptor was read), actor {@value AuditTrail#OPERATOR}
 * for what came over REST (uploads, their approvals and removals) and {@value AuditTrail#HOST} otherwise.
 * The facts: {@code detail} (the record's reason, at most {@value #DETAIL_LIMIT} characters; the record
 * found by {@code attempt} keeps it whole), {@code code} (its bracketed code), {@code attempt},
 * {@code source}, {@code file}, then when known {@code sha256}, {@code version}, {@code publisher} and
 * {@code fingerprint} (the signer's subject and certificate SHA-256), {@code steps} (the steps passed, in
 * order) and, for a refusal or failure, {@code stopped_at} (the step that stopped it). The trail never
 * throws, so an audit log that cannot take the entry never fails the deployment. Thread-safe.
 */
final class DeploymentAudit {

    /** The longest {@code detail} an entry holds. */
    static final int DETAIL_LIMIT = 1000;

    private final AuditTrail trail;

    DeploymentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Writes the entry of an attempt that ended in {@code record}. */
    void record(DeploymentAttempt attempt, DeploymentRecord record) {
        trail.recordFacts(actorOf(record.source()), actionOf(record), record.extensionId() == null
                ? record.fileName() : record.extensionId(), facts(attempt, record));
    }

    static String actorOf(DeploymentSource source) {
        return source == DeploymentSource.REST ? AuditTrail.OPERATOR : AuditTrail.HOST;
    }

    static String actionOf(DeploymentRecord record) {
        return "deployment." + record.outcome().name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> facts(DeploymentAttempt attempt, DeploymentRecord record) {
        Map<String, Object> facts = new LinkedHashMap<>();
        String reason = record.reason();
        facts.put("detail", reason.length() <= DETAIL_LIMIT ? reason : reason.substring(0, DETAIL_LIMIT - 1) + "…");
        putKnown(facts, "code", Reasons.codeOf(reason));
        facts.put("attempt", record.attemptId());
        facts.put("source", record.source().name());
        facts.put("file", record.fileName());
        putKnown(facts, "sha256", record.sha256());
        putKnown(facts, "version", record.version());
        putKnown(facts, "publisher", attempt.publisher());
        putKnown(facts, "fingerprint", attempt.fingerprint());
        List<String> steps = attempt.passed().stream().map(DeploymentStep::code).toList();
        if (!steps.isEmpty()) {
            facts.put("steps", steps);
        }
        if (attempt.stoppedAt() != null) {
            facts.put("stopped_at", attempt.stoppedAt().code());
        }
        return facts;
    }

    private static void putKnown(Map<String, Object> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
