/**
 * The bridge between the launcher (outside the framework) and the core bundles (inside it).
 *
 * <p>This package sits on the launcher's class path and is exported to bundles by the system
 * bundle ({@code org.osgi.framework.system.packages.extra}), so both sides share one copy of its
 * classes. It uses JDK types only, which keeps the API bundle and every library off the launcher's
 * class path. Extensions may not import it.
 *
 * <p>The core extension bundle registers {@link dev.palisade.host.bridge.ExtensionHost}; the
 * launcher registers {@link dev.palisade.host.bridge.HostStatus}.
 */
@Export
@Version("1.2.0")
package dev.palisade.host.bridge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
