package dev.palisade.core.extension.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.sandbox.check.ExtensionDescriptor;

/**
 * The facts of one deployment attempt, filled in as the pipeline learns them: the jar, the extension, its
 * publisher once the signature is trusted, the steps passed and the one that stopped it. Ends in one
 * {@link DeploymentRecord}. Used by one thread, under the pipeline's lock.
 */
final class DeploymentAttempt {

    private final Clock clock;
    private final String attemptId = UUID.randomUUID().toString();
    private final DeploymentSource source;
    private final String fileName;
    private final List<DeploymentStep> passed = new ArrayList<>();
    private String sha256;
    private String extensionId;
    private String extensionName;
    private String version;
    private String publisher;
    private String fingerprint;
    private DeploymentStep stoppedAt;

    /**
     * @param clock    the clock for the record's time
     * @param source   where the jar came from
     * @param fileName the jar's file name, as the record names it
     */
    DeploymentAttempt(Clock clock, DeploymentSource source, String fileName) {
        this.clock = clock;
        this.source = source;
        this.fileName = fileName;
    }

    /** @return an attempt about a version that is already installed (its approval, its removal) */
    static DeploymentAttempt of(Clock clock, DeploymentSource source, String fileName, ActiveExtension extension) {
        DeploymentAttempt attempt = new DeploymentAttempt(clock, source, fileName);
        attempt.sha256 = extension.sha256();
        attempt.extensionId = extension.id();
        attempt.extensionName = extension.name();
        attempt.version = extension.version();
        attempt.signedBy(extension.publisher(), extension.fingerprint());
        return attempt;
    }

    String attemptId() {
        return attemptId;
    }

    DeploymentSource source() {
        return source;
    }

    String publisher() {
        return publisher;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** @return the steps passed, in order */
    List<DeploymentStep> passed() {
        return List.copyOf(passed);
    }

    /** @return the step that refused or failed the attempt, or {@code null} */
    DeploymentStep stoppedAt() {
        return stoppedAt;
    }

    void staged(String sha256) {
        this.sha256 = sha256;
        pass(DeploymentStep.STAGE);
    }

    void describe(ExtensionDescriptor descriptor) {
        extensionId = descriptor.id();
        extensionName = descriptor.name();
        version = descriptor.version();
    }

    void signedBy(String subject, String certificateFingerprint) {
        publisher = subject;
        fingerprint = certificateFingerprint;
    }

    void pass(DeploymentStep step) {
        passed.add(step);
    }

    DeploymentRecord refused(DeploymentStep step, String reason) {
        stoppedAt = step;
        return record(DeploymentOutcome.REFUSED, reason);
    }

    DeploymentRecord failed(DeploymentStep step, String reason) {
        stoppedAt = step;
        return record(DeploymentOutcome.FAILED, reason);
    }

    DeploymentRecord record(DeploymentOutcome outcome, String reason) {
        return new DeploymentRecord(attemptId, clock.instant(), source, fileName, sha256, outcome, extensionId,
                extensionName, version, reason);
    }
}
