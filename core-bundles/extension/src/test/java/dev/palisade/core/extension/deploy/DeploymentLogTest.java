package dev.palisade.core.extension.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;

class DeploymentLogTest {

    private static DeploymentRecord record(int n) {
        return new DeploymentRecord("a" + n, Instant.ofEpochSecond(n), DeploymentSource.DEPLOY_FOLDER, "x.jar", null,
                DeploymentOutcome.REFUSED, null, null, null, "[empty-file] x");
    }

    @Test
    void newestFirstAndBounded() {
        DeploymentLog log = new DeploymentLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add(record(i));
        }
        assertEquals(List.of("a5", "a4", "a3"), log.newestFirst().stream().map(DeploymentRecord::attemptId).toList());
    }

    @Test
    void returnsACopy() {
        DeploymentLog log = new DeploymentLog(DeploymentLog.DEFAULT_CAPACITY);
        log.add(record(1));
        log.newestFirst().clear();
        assertEquals(1, log.newestFirst().size());
    }

    @Test
    void capacityMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeploymentLog(0));
        assertEquals("capacity must be at least 1, was 0", e.getMessage());
    }

    @Test
    void reasonCodesReadBack() {
        assertEquals("untrusted-signer", Reasons.codeOf("[untrusted-signer] signer CN=x is not trusted"));
        assertEquals(null, Reasons.codeOf("no code"));
        assertEquals("[downgrade] v", Reasons.of(Reasons.DOWNGRADE, "v"));
    }
}
