package dev.palisade.core.extension.enforce;

import java.util.concurrent.atomic.AtomicReference;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.DecisionPoint;
import dev.palisade.sandbox.policy.SandboxPolicy;

/**
 * The one policy this class loader installs into the {@link DecisionPoint}, which accepts a single policy
 * for the life of its class: it forwards to whichever {@link SandboxPolicy} the running extension module
 * {@linkplain #bind bound}, and denies everything (grants nothing) while none is bound. A bundle that stops
 * and starts again, or a test that creates several hosts in one JVM, binds again instead of installing
 * again. Thread-safe.
 */
public final class HostSandboxPolicy implements SandboxPolicy {

    private static final HostSandboxPolicy INSTANCE = new HostSandboxPolicy();
    private static final AtomicReference<SandboxPolicy> CURRENT = new AtomicReference<>();
    private static boolean installed;

    private HostSandboxPolicy() {
    }

    /**
     * Installs the forwarding policy if this class loader has not yet, and makes {@code policy} the one it
     * forwards to.
     *
     * @throws IllegalStateException if another module's policy is bound and not yet {@linkplain #unbind unbound},
     *                               or code other than this class installed a policy into the decision point
     */
    public static synchronized void bind(SandboxPolicy policy) {
        if (!installed) {
            DecisionPoint.install(INSTANCE);
            installed = true;
        }
        if (!CURRENT.compareAndSet(null, policy)) {
            throw new IllegalStateException("a sandbox policy is bound already (" + CURRENT.get()
                    + "); stop the extension module that bound it first");
        }
    }

    /** Stops forwarding to {@code policy}, if it is the bound one; from then on everything is denied. */
    public static synchronized void unbind(SandboxPolicy policy) {
        CURRENT.compareAndSet(policy, null);
    }

    @Override
    public Grants grantsFor(String extensionId) {
        SandboxPolicy current = CURRENT.get();
        return current == null ? Grants.none() : current.grantsFor(extensionId);
    }

    @Override
    public void violated(SandboxViolation violation) {
        SandboxPolicy current = CURRENT.get();
        if (current != null) {
            current.violated(violation);
        }
    }
}
