/**
 * The core extension module: the {@link dev.palisade.host.bridge.ExtensionHost} service and its
 * wiring to the framework.
 *
 * <p>{@link dev.palisade.core.extension.ExtensionModule} (a DS component) reads the framework properties
 * {@code palisade.data.dir}, {@code palisade.trust.dir}, {@code palisade.deploy.dir} and
 * {@code palisade.deploy.settle.ms}, removes extension bundles left over from an earlier run, deploys
 * the kept REST uploads again, scans the deploy folder, and only then registers the
 * {@link dev.palisade.host.bridge.ExtensionHost} service (so its presence means the start-up deployments
 * are done). When the bundle stops it stops watching and uninstalls every extension bundle it
 * installed. State (registry, deployment log) is in memory; the persistent store comes with a later
 * issue. Private implementation package; this bundle exports nothing.
 */
package dev.palisade.core.extension;
