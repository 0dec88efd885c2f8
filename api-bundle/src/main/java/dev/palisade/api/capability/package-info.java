/**
 * Capabilities: the only ways an extension reaches the world outside its own code.
 *
 * <p>The host hands each invocation a {@link dev.palisade.api.capability.Capabilities} through
 * {@link dev.palisade.api.extension.InvocationContext#capabilities()}. Every capability checks the
 * extension's grants before it acts and throws {@link dev.palisade.api.sandbox.SandboxViolation}
 * naming the permission and target when the grant is missing; the host counts and audits each such
 * denial whether or not the extension catches it. Other failures (a missing file, an unreachable
 * server) are {@link dev.palisade.api.extension.ExtensionException}s with a code. Implementations
 * are the host's; instances are valid only during the invocation they were handed to.
 */
@Export
@Version("1.0.0")
package dev.palisade.api.capability;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
