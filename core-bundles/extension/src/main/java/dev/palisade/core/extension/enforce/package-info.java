/**
 * The sandbox's run-time layers, wired into the extension module. Extension bundles are known by the
 * location the pipeline gives them ({@link dev.palisade.core.extension.enforce.ExtensionLocations});
 * the hooks of {@code dev.palisade.sandbox.isolation} are registered before any extension is installed;
 * the decision point consults the {@link dev.palisade.core.extension.enforce.EnforcementTable} (each
 * extension's approved grants and the runtime that counts its denials) through the one forwarding policy
 * this class loader installs ({@link dev.palisade.core.extension.enforce.HostSandboxPolicy}). Private
 * implementation package; the bundle exports only {@code dev.palisade.sandbox.guard}, which woven
 * extension code calls.
 */
package dev.palisade.core.extension.enforce;
