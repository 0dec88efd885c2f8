package dev.palisade.core.extension.deploy;

import java.nio.file.Path;

import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.enforce.EnforcementTable;
import dev.palisade.core.extension.grant.GrantStore;
import dev.palisade.core.extension.run.RuntimeLimits;

/**
 * What the pipeline needs beyond installing jars: where grants come from and go, how extensions run, and
 * where decisions are recorded.
 *
 * @param table         the grants and runtimes the sandbox's guards consult
 * @param grantPolicy   the operator's policy file ({@code etc/grants.json}); {@code null} means no profiles
 * @param grants        the approvals kept across restarts
 * @param limits        thread pool, timeout and quarantine limits
 * @param audit         where every deployment attempt, grant decision, denial and quarantine is recorded
 * @param capabilities  knows each extension's data folder (where relative file grants resolve, and the
 *                      files capability works)
 */
public record Safeguards(EnforcementTable table, Path grantPolicy, GrantStore grants, RuntimeLimits limits,
        AuditTrail audit, CapabilityFactory capabilities) {
}
