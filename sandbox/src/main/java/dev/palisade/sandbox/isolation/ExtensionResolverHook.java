package dev.palisade.sandbox.isolation;

import dev.palisade.sandbox.weaving.ExtensionBundles;
import dev.palisade.sandbox.weaving.SandboxWeavingHook;

import java.util.Collection;
import java.util.Iterator;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Lets an extension bundle wire only to the API bundle's {@code dev.palisade.api.*} packages, to
 * {@code java.*} and the execution environment from the system bundle, and to the guard package
 * from the sandbox's own bundle; no Require-Bundle, fragment host or other capability. No bundle
 * may wire to what an extension provides (its exports, or it as a fragment host), except the
 * extension itself. Thread-safe.
 */
final class ExtensionResolverHook implements ResolverHook {

    private final ExtensionBundles extensions;
    private final String apiSymbolicName;
    private final long guardBundleId;

    ExtensionResolverHook(ExtensionBundles extensions, String apiSymbolicName, long guardBundleId) {
        this.extensions = extensions;
        this.apiSymbolicName = apiSymbolicName;
        this.guardBundleId = guardBundleId;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        Bundle requirer = requirement.getRevision().getBundle();
        boolean fromExtension = extensions.isExtension(requirer);
        for (Iterator<BundleCapability> it = candidates.iterator(); it.hasNext(); ) {
            BundleCapability candidate = it.next();
            Bundle provider = candidate.getRevision().getBundle();
            boolean providerIsOtherExtension = provider != requirer && extensions.isExtension(provider);
            if (providerIsOtherExtension || fromExtension && !allowedForExtension(requirement, candidate, provider)) {
                it.remove();
            }
        }
    }

    private boolean allowedForExtension(BundleRequirement requirement, BundleCapability candidate, Bundle provider) {
        if (provider == requirement.getRevision().getBundle()) {
            return true;
        }
        String namespace = requirement.getNamespace();
        if (namespace.equals(ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE)) {
            return provider.getBundleId() == 0;
        }
        if (!namespace.equals(PackageNamespace.PACKAGE_NAMESPACE)) {
            return false;
        }
        Object name = candidate.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
        String pkg = name == null ? "" : name.toString();
        if (pkg.startsWith("java.")) {
            return provider.getBundleId() == 0;
        }
        if (pkg.startsWith("dev.palisade.api.")) {
            return apiSymbolicName.equals(provider.getSymbolicName());
        }
        return pkg.equals(SandboxWeavingHook.GUARD_PACKAGE) && provider.getBundleId() == guardBundleId;
    }

    @Override
    public void end() {
    }
}
