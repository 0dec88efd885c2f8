package dev.palisade.sandbox.policy;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.permission.Grants;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the guards woven into extension code ask for grants and report denials. The host
 * {@linkplain #install installs} its {@link SandboxPolicy} exactly once, before any extension
 * runs; until then every guarded call is denied.
 *
 * <p>Its state lives in a package that is not exported and that extension code may not name
 * (the install-time scan and the weaving hook refuse any reference to the sandbox's packages), so
 * an extension can neither replace the policy nor reset its own violation count.
 *
 * <p>Thread-safe.
 */
public final class DecisionPoint {

    private static final AtomicReference<SandboxPolicy> POLICY = new AtomicReference<>();
    private static final ConcurrentMap<String, ViolationLog> LOGS = new ConcurrentHashMap<>();
    private static final Clock CLOCK = Clock.systemUTC();

    private DecisionPoint() {
    }

    /**
     * @param policy the host's policy
     * @throws IllegalStateException if a policy is installed already; the first one stays
     */
    public static void install(SandboxPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (!POLICY.compareAndSet(null, policy)) {
            throw new IllegalStateException("a sandbox policy is installed already (" + POLICY.get().getClass().getName()
                    + "); the decision point accepts one policy per framework, installed by the host at start");
        }
    }

    /** @return whether a policy is installed */
    public static boolean isInstalled() {
        return POLICY.get() != null;
    }

    /**
     * @return the extension's grants; {@link Grants#none()} while no policy is installed, or if the
     *         policy fails or answers {@code null}
     */
    public static Grants grants(String extensionId) {
        SandboxPolicy policy = POLICY.get();
        if (policy == null) {
            return Grants.none();
        }
        try {
            Grants grants = policy.grantsFor(extensionId);
            return grants == null ? Grants.none() : grants;
        } catch (RuntimeException e) {
            return Grants.none();
        }
    }

    /**
     * Records a denial and returns it for the guard to throw.
     *
     * @param extensionId the extension that attempted the access
     * @param permission  the permission it needed
     * @param target      what it tried to reach
     * @return the violation, already counted and passed to the policy
     */
    public static SandboxViolation deny(String extensionId, String permission, String target) {
        SandboxViolation violation = new SandboxViolation(extensionId, permission, target);
        LOGS.computeIfAbsent(extensionId, id -> new ViolationLog()).record(violation, CLOCK.instant());
        SandboxPolicy policy = POLICY.get();
        if (policy != null) {
            try {
                policy.violated(violation);
            } catch (RuntimeException ignored) {
                // the violation is recorded above; a failing listener must not change what the extension sees
            }
        }
        return violation;
    }

    /** @return the extension's violation log; empty if it never violated */
    public static ViolationLog violations(String extensionId) {
        ViolationLog log = LOGS.get(extensionId);
        return log == null ? new ViolationLog() : log;
    }
}
