package dev.palisade.core.extension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import dev.palisade.core.extension.audit.AuditTrail;
import dev.palisade.core.extension.audit.StoreAuditTrail;
import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.deploy.DeploymentPipeline;
import dev.palisade.core.extension.deploy.DeploymentRecords;
import dev.palisade.core.extension.deploy.ExtensionInstaller;
import dev.palisade.core.extension.deploy.Safeguards;
import dev.palisade.core.extension.enforce.EnforcementTable;
import dev.palisade.core.extension.enforce.ExtensionSandbox;
import dev.palisade.core.extension.grant.LedgerGrantStore;
import dev.palisade.core.extension.deploy.UploadKeeper;
import dev.palisade.core.extension.invoke.EntryCall;
import dev.palisade.core.extension.invoke.Invoker;
import dev.palisade.core.extension.kinds.AdapterDispatcher;
import dev.palisade.core.extension.kinds.HookDispatcher;
import dev.palisade.core.extension.kinds.PolicyDispatcher;
import dev.palisade.core.extension.registry.ExtensionRegistry;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.core.extension.watch.DeployFolderWatcher;
import dev.palisade.host.bridge.AdapterCalls;
import dev.palisade.host.bridge.DeploymentLog;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.GrantLedger;
import dev.palisade.host.bridge.LifecycleHooks;
import dev.palisade.host.bridge.PolicyDecisions;
import dev.palisade.host.bridge.StoreAdmin;
import dev.palisade.sandbox.isolation.SandboxHooks;
import dev.palisade.sandbox.stage.JarStager;
import dev.palisade.sandbox.stage.StagingLimits;

/**
 * Starts and stops the extension module with its bundle. Activation turns on the sandbox (hooks registered
 * and policy bound before any extension is installed) and returns; a start-up thread redeploys the kept
 * uploads, scans the deploy folder, starts watching it and then registers the {@link ExtensionHost}
 * service, and separately the same object as {@link LocalExtensionHost} for this bundle's REST resources, and
 * the services through which the protocol modules reach the other kinds: {@link LifecycleHooks} (hooks),
 * {@link PolicyDecisions} (policies) and {@link AdapterCalls} (adapters).
 * The bridge registration names the bridge type only: the framework checks every name of a registration
 * against the asking bundle's class space, and an embedding application whose class path happens to hold
 * this bundle's jar would otherwise see its own copy of the internal class and be shown no service.
 * Deactivation stops watching, unregisters both, uninstalls every extension bundle and turns the sandbox off.
 *
 * <p>The store's services are static mandatory references: the module activates only once the store is
 * open and migrated, and stops before the store does. Deployment records go to its {@link DeploymentLog},
 * approvals to its {@link GrantLedger} and audit entries to its {@link StoreAdmin#appendAudit audit log}.
 */
@Component(immediate = true, service = {})
public final class ExtensionModule {

    private static final System.Logger LOG = System.getLogger(ExtensionModule.class.getName());

    @Reference
    private StoreAdmin store;

    @Reference
    private DeploymentLog deploymentLog;

    @Reference
    private GrantLedger grantLedger;

    private BundleContext context;
    private ExtensionSettings settings;
    private DeploymentPipeline pipeline;
    private UploadKeeper uploads;
    private LocalExtensionHost host;
    private Thread startup;
    private volatile boolean stopping;
    private DeployFolderWatcher watcher;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ExtensionSandbox sandbox;
    private HookDispatcher hooks;
    private PolicyDispatcher policies;
    private AdapterDispatcher adapters;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.settings = ExtensionSettings.from(context::getProperty);
        deleteContents(settings.stagingDir());
        deleteContents(settings.incomingDir());
        RuntimeLimits limits = RuntimeLimits.from(context::getProperty);
        AuditTrail audit = new StoreAuditTrail(store);
        EnforcementTable table = new EnforcementTable(audit);
        sandbox = ExtensionSandbox.start(context, table, SandboxHooks.API_SYMBOLIC_NAME);
        ExtensionRegistry registry = new ExtensionRegistry();
        DeploymentRecords log = new DeploymentRecords(deploymentLog);
        ExtensionInstaller installer = new ExtensionInstaller(context);
        installer.removeLeftovers();
        uploads = new UploadKeeper(settings.uploadsDir());
        CapabilityFactory capabilities = new CapabilityFactory(settings.secretsDir(),
                settings.dataDir().resolve("extensions"), Clock.systemUTC(), null);
        Safeguards safeguards = new Safeguards(table, settings.grantsFile(), new LedgerGrantStore(grantLedger),
                limits, audit, capabilities);
        pipeline = new DeploymentPipeline(new JarStager(settings.stagingDir(), StagingLimits.defaults()),
                settings.trustDir(), Clock.systemUTC(), installer, registry, log, uploads, safeguards);
        host = new LocalExtensionHost(pipeline, registry, log, new Invoker(capabilities));
        EntryCall calls = new EntryCall(capabilities);
        hooks = new HookDispatcher(registry, calls);
        policies = new PolicyDispatcher(registry, calls);
        adapters = new AdapterDispatcher(registry, calls);
        startup = new Thread(this::startUp, "palisade-extension-startup");
        startup.setDaemon(true);
        startup.start();
    }

    private void startUp() {
        try {
            for (Path kept : uploads.kept()) {
                if (stopping) {
                    return;
                }
                pipeline.deploy(kept, DeploymentSource.REST);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot list the kept uploads in " + uploads.dir()
                    + "; they are not deployed: " + e);
        }
        if (settings.deployDir() != null) {
            DeployFolderWatcher folder = new DeployFolderWatcher(settings.deployDir(), settings.settle(),
                    new DeployFolderWatcher.Listener() {
                        @Override
                        public void changed(Path jar) {
                            pipeline.deploy(jar, DeploymentSource.DEPLOY_FOLDER);
                        }

                        @Override
                        public void removed(Path jar) {
                            pipeline.undeployOrigin(jar, DeploymentSource.DEPLOY_FOLDER);
                        }
                    });
            synchronized (this) {
                if (stopping) {
                    return;
                }
                watcher = folder;
            }
            try {
                folder.start();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "the deploy folder is not watched: " + e.getMessage(), e);
            }
        } else {
            LOG.log(System.Logger.Level.INFO, "framework property " + ExtensionSettings.DEPLOY_DIR
                    + " is not set; no deploy folder is watched");
        }
        synchronized (this) {
            if (!stopping) {
                Hashtable<String, Object> props = new Hashtable<>();
                props.put("service.description", "Palisade extension host");
                registrations.add(context.registerService(ExtensionHost.class, host, props));
                registrations.add(context.registerService(LocalExtensionHost.class, host, props));
                registrations.add(context.registerService(LifecycleHooks.class, hooks, props));
                registrations.add(context.registerService(PolicyDecisions.class, policies, props));
                registrations.add(context.registerService(AdapterCalls.class, adapters, props));
            }
        }
    }

    @Deactivate
    void deactivate() {
        DeployFolderWatcher folder;
        synchronized (this) {
            stopping = true;
            folder = watcher;
        }
        if (folder != null) {
            folder.close();
        }
        try {
            startup.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (ServiceRegistration<?> registration : registrations) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregistered it when the bundle stopped
                }
            }
            registrations.clear();
        }
        hooks.close();
        pipeline.retireAll();
        sandbox.stop();
    }

    private static void deleteContents(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot delete leftover " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot clean " + dir + ": " + e);
        }
    }
}
