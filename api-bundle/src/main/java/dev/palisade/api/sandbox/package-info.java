/**
 * What an extension sees of the sandbox: the denial it receives when it attempts something it was
 * not granted.
 *
 * <p>The host enforces an extension's permissions at the calls it makes (file, network, system
 * properties, environment, threads); a denied call throws
 * {@link dev.palisade.api.sandbox.SandboxViolation} instead of running. The host has already
 * recorded the violation when the extension sees it.
 */
@Export
@Version("1.0.0")
package dev.palisade.api.sandbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
