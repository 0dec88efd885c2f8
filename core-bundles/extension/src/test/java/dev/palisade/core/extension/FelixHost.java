package dev.palisade.core.extension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.core.extension.deploy.DeploymentRecords;
import dev.palisade.core.extension.deploy.ExtensionInstaller;
import dev.palisade.core.extension.deploy.Safeguards;
import dev.palisade.core.extension.deploy.UploadKeeper;
import dev.palisade.core.extension.enforce.EnforcementTable;
import dev.palisade.core.extension.enforce.ExtensionSandbox;
import dev.palisade.core.extension.grant.LedgerGrantStore;
import dev.palisade.core.extension.invoke.Invoker;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.sandbox.stage.JarStager;
import dev.palisade.sandbox.stage.StagingLimits;
import dev.palisade.sandbox.testing.TestPublisher;

/**
 * A real Felix framework with the extension module's parts wired as {@link ExtensionModule} wires them,
 * sandbox included: hooks registered from the system bundle (which exports the API and guard packages from
 * the test class path, as the API bundle and this module's bundle do in a host) before any extension is
 * installed, and the enforcement table bound as the decision point's policy.
 */
final class FelixHost implements AutoCloseable {

    static final String SYSTEM_EXPORTS = "dev.palisade.api.extension;version=1.1.0,"
            + "dev.palisade.api.sandbox;version=1.0.0,dev.palisade.api.capability;version=1.0.0,"
            + "dev.palisade.sandbox.guard;version=1.0.0";

    final Path home;
    final Path grantsFile;
    final Framework framework;
    final ExtensionSandbox sandbox;
    final EnforcementTable table;
    final DeploymentPipeline pipeline;
    final LocalExtensionHost host;
    final UploadKeeper uploads;
    final MemoryStore store;
    final CapabilityFactory capabilities;
    final List<String> audit = new CopyOnWriteArrayList<>();
    final List<FrameworkEvent> frameworkErrors = new CopyOnWriteArrayList<>();

    FelixHost(Path home, TestPublisher ca, RuntimeLimits limits) throws Exception {
        this(home, ca, limits, new MemoryStore());
    }

    /** @param store the deployment history and grants, which outlive this host as the store's would */
    FelixHost(Path home, TestPublisher ca, RuntimeLimits limits, MemoryStore store) throws Exception {
        this.home = home;
        this.store = store;
        Path trust = Files.createDirectories(home.resolve("etc/trust"));
        ca.writeCertificatePem(trust.resolve("ca.pem"));
        grantsFile = home.resolve("etc/grants.json");
        framework = new FrameworkFactory().newFramework(Map.of(
                "org.osgi.framework.storage", home.resolve("data/cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit",
                "felix.bootdelegation.implicit", "false",
                "org.osgi.framework.system.packages.extra", SYSTEM_EXPORTS));
        framework.init();
        framework.getBundleContext().addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                frameworkErrors.add(event);
            }
        });
        AuditTrail trail = (actor, action, id, detail) -> audit.add(actor + ": " + action + " " + id + " " + detail);
        table = new EnforcementTable(trail);
        sandbox = ExtensionSandbox.start(framework.getBundleContext(), table,
                framework.getBundleContext().getBundle().getSymbolicName());
        framework.start();
        ExtensionRegistry registry = new ExtensionRegistry();
        DeploymentRecords log = new DeploymentRecords(store);
        uploads = new UploadKeeper(home.resolve("data/uploads"));
        capabilities = CapabilityFactory.forHost(home, home.resolve("data"));
        Safeguards safeguards = new Safeguards(table, grantsFile, new LedgerGrantStore(store), limits, trail,
                capabilities);
        pipeline = new DeploymentPipeline(new JarStager(home.resolve("data/staging"), StagingLimits.defaults()), trust,
                Clock.systemUTC(), new ExtensionInstaller(framework.getBundleContext()), registry, log, uploads,
                safeguards);
        host = new LocalExtensionHost(pipeline, registry, log, new Invoker(capabilities));
    }

    /** @return the extension's data folder, where its relative file grants resolve (created if missing) */
    Path dataFolder(String extensionId) throws java.io.IOException {
        Files.createDirectories(capabilities.dataFolder(extensionId));
        return capabilities.dataFolder(extensionId);
    }

    List<Bundle> extensionBundles() {
        return Arrays.stream(framework.getBundleContext().getBundles())
                .filter(b -> b.getLocation().startsWith(ExtensionInstaller.LOCATION_PREFIX)).toList();
    }

    @Override
    public void close() throws Exception {
        pipeline.retireAll();
        sandbox.stop();
        framework.stop();
        framework.waitForStop(10_000);
    }
}
