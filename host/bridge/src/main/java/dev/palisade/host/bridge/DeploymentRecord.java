package dev.palisade.host.bridge;

import java.time.Instant;

/**
 * One deployment attempt and its outcome.
 *
 * @param attemptId     unique id of this attempt
 * @param at            when the attempt finished
 * @param source        where the request came from
 * @param fileName      the jar's file name as given (for removals, the extension's name)
 * @param sha256        hex SHA-256 of the jar, or {@code null} when it was not read
 * @param outcome       how it ended
 * @param extensionId   the extension's id from its descriptor, or {@code null} when unknown
 * @param extensionName the extension's name, or {@code null} when unknown
 * @param version       the extension's version, or {@code null} when unknown
 * @param reason        for REFUSED and FAILED: what was wrong and what to do; otherwise a short
 *                      summary
 */
public record DeploymentRecord(
        String attemptId,
        Instant at,
        DeploymentSource source,
        String fileName,
        String sha256,
        DeploymentOutcome outcome,
        String extensionId,
        String extensionName,
        String version,
        String reason) {

    /** @return true when the attempt left a new version serving */
    public boolean succeeded() {
        return outcome == DeploymentOutcome.DEPLOYED || outcome == DeploymentOutcome.REPLACED;
    }
}
