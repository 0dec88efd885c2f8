/**
 * The core extension module: the {@link dev.palisade.host.bridge.ExtensionHost} service and its
 * wiring to the framework.
 *
 * <p>{@link dev.palisade.core.extension.ExtensionModule} (a DS component) reads the framework properties
 * {@code palisade.data.dir}, {@code palisade.trust.dir}, {@code palisade.deploy.dir},
 * {@code palisade.deploy.settle.ms}, {@code palisade.grants.file} and the run-time limits, turns the sandbox
 * on (hooks and decision point) before anything else, removes extension bundles left over from an earlier run, deploys
 * the kept REST uploads again, scans the deploy folder, and only then registers the
 * {@link dev.palisade.host.bridge.ExtensionHost} service (so its presence means the start-up deployments
 * are done). When the bundle stops it stops watching and uninstalls every extension bundle it
 * installed, and turns the sandbox off. It starts only once the store's services are there: the
 * deployment history, the approvals and the audit log live in the store; the registry of serving versions
 * is in memory and rebuilt at every start from the kept uploads and the deploy folder. Private implementation
 * package; this bundle exports only the sandbox's guard package.
 */
package dev.palisade.core.extension;
