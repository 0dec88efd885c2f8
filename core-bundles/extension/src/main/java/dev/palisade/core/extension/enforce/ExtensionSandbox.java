package dev.palisade.core.extension.enforce;

import org.osgi.framework.BundleContext;

import dev.palisade.sandbox.isolation.SandboxHooks;

/**
 * The sandbox's run-time layers as the extension module turns them on: the framework hooks (weaving,
 * resolver, bundle and service find/event) registered from this module's bundle, which exports the guard
 * package, and the {@link EnforcementTable} bound as the decision point's policy. {@link #start} must run
 * before the first extension is installed; {@link #stop} after the last one is uninstalled.
 */
public final class ExtensionSandbox {

    private final SandboxHooks hooks;
    private final EnforcementTable table;

    private ExtensionSandbox(SandboxHooks hooks, EnforcementTable table) {
        this.hooks = hooks;
        this.table = table;
    }

    /**
     * @param context         the context of the bundle that exports {@code dev.palisade.sandbox.guard}
     * @param table           the grants and runtimes the guards consult
     * @param apiSymbolicName the Bundle-SymbolicName whose {@code dev.palisade.api.*} packages extensions may
     *                        wire to ({@link SandboxHooks#API_SYMBOLIC_NAME} in a host)
     * @return the running sandbox
     * @throws IllegalStateException if another extension module's policy is still bound in this class loader
     */
    public static ExtensionSandbox start(BundleContext context, EnforcementTable table, String apiSymbolicName) {
        HostSandboxPolicy.bind(table);
        try {
            return new ExtensionSandbox(SandboxHooks.register(context, new ExtensionLocations(), apiSymbolicName), table);
        } catch (RuntimeException e) {
            HostSandboxPolicy.unbind(table);
            throw e;
        }
    }

    /** Unregisters the hooks and unbinds the policy; from then on every guard denies. */
    public void stop() {
        hooks.unregister();
        HostSandboxPolicy.unbind(table);
    }
}
