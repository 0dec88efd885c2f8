package dev.palisade.host.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

import dev.palisade.host.PalisadeHost;
import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;
import dev.palisade.host.bridge.HostStatus;

/**
 * Starts one host: reads the features, finds every boot bundle in system/, checks the port, then
 * initializes Felix, registers {@link HostStatus}, installs the bundles with their start levels,
 * starts the framework, checks every bundle that should be active is, and waits for the services
 * the host needs. Any failure stops the framework again before it is thrown.
 */
public final class BootSequence {

    private static final Logger LOG = System.getLogger("dev.palisade.host");

    private final HostSettings settings;

    /** @param settings the resolved settings */
    public BootSequence(HostSettings settings) {
        this.settings = settings;
    }

    /**
     * @return the running, ready host
     * @throws PalisadeStartException naming what was wrong
     */
    public PalisadeHost start() {
        List<ResolvedBundle> bundles = bootBundles();
        PortCheck.requireFree(settings.port());
        int beginning = bundles.stream().mapToInt(b -> b.line().startLevel()).max().orElse(1);
        HomeLock lock = HomeLock.acquire(settings.layout());
        Framework framework;
        try {
            framework = newFramework(FrameworkProperties.of(settings, beginning));
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        LauncherHostStatus status = new LauncherHostStatus(Instant.now(), PalisadeVersion.current());
        try {
            FrameworkEventLog events = new FrameworkEventLog();
            framework.init(events);
            BundleContext context = framework.getBundleContext();
            context.addFrameworkListener(events);
            context.registerService(HostStatus.class, status, null);
            List<Bundle> installed = install(context, bundles);
            framework.start();
            long timeout = settings.startTimeout().toMillis();
            if (!events.awaitStarted(timeout)) {
                throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED, "the framework did not reach start level "
                        + beginning + " within " + settings.startTimeout().toSeconds() + " s; see the log for the bundle that hangs");
            }
            requireActive(bundles, installed);
            ReadyServices.await(context, settings.readyServices(), settings.startTimeout());
            int port = HttpEndpoint.port(context, settings.port());
            if (settings.readyServices().contains(HostSettings.HTTP_RUNTIME)) {
                HttpEndpoint.requireListening(port);
            }
            status.setReady(true);
            return new RunningHost(framework, lock, status, port, settings.stopTimeout());
        } catch (BundleException e) {
            stopQuietly(framework, lock);
            throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED,
                    "the OSGi framework failed to start: " + OneLine.of(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(framework, lock);
            throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED, "interrupted while the host was starting", e);
        } catch (RuntimeException | Error e) {
            stopQuietly(framework, lock);
            throw e;
        }
    }

    private List<ResolvedBundle> bootBundles() {
        SystemRepository system = new SystemRepository(settings.layout().system());
        List<Feature> features = new ArrayList<>();
        for (MavenLink repository : settings.featureRepositories()) {
            Path file = system.resolve(repository, HostSettings.FEATURE_REPOSITORIES);
            try (var in = java.nio.file.Files.newInputStream(file)) {
                features.addAll(FeaturesParser.parse(in, file.getFileName().toString()));
            } catch (java.io.IOException e) {
                throw new PalisadeStartException(StartFailure.INVALID_FEATURES, "cannot read features file " + file + ": " + e, e);
            }
        }
        FeatureCatalog catalog = new FeatureCatalog(features);
        List<ResolvedBundle> resolved = new ArrayList<>();
        for (FeatureBundle line : catalog.bundlesOf(settings.bootFeatures())) {
            resolved.add(new ResolvedBundle(line, system.resolve(line.link(), "a boot feature (" + String.join(",", settings.bootFeatures()) + ")")));
        }
        return resolved;
    }

    private static Framework newFramework(Map<String, String> properties) {
        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class, BootSequence.class.getClassLoader()).iterator();
        if (!factories.hasNext()) {
            throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED,
                    "no OSGi framework on the class path; put org.apache.felix.framework beside the launcher in lib/");
        }
        return factories.next().newFramework(properties);
    }

    private static List<Bundle> install(BundleContext context, List<ResolvedBundle> bundles) {
        List<Bundle> installed = new ArrayList<>();
        for (ResolvedBundle bundle : bundles) {
            try {
                Bundle b = context.installBundle(bundle.file().toUri().toString());
                b.adapt(BundleStartLevel.class).setStartLevel(bundle.line().startLevel());
                if (bundle.line().start() && !isFragment(b)) {
                    b.start();
                }
                installed.add(b);
            } catch (BundleException e) {
                throw new PalisadeStartException(StartFailure.BUNDLE_NOT_STARTED, "bundle " + bundle.line().link()
                        + " (" + bundle.file() + ") cannot be installed: " + OneLine.of(e.getMessage())
                        + "; replace the file in system/ with a valid OSGi bundle", e);
            }
        }
        return installed;
    }

    /**
     * Each bundle that should be active and is not gets started once more, synchronously, so the
     * exception names the missing requirement or the activator's failure (the framework's own
     * report of it is an asynchronous event).
     */
    private static void requireActive(List<ResolvedBundle> bundles, List<Bundle> installed) {
        List<String> failures = new ArrayList<>();
        String first = null;
        Throwable firstCause = null;
        for (int i = 0; i < installed.size(); i++) {
            Bundle bundle = installed.get(i);
            ResolvedBundle line = bundles.get(i);
            if (!line.line().start() || isFragment(bundle) || bundle.getState() == Bundle.ACTIVE) {
                continue;
            }
            try {
                bundle.start();
                if (bundle.getState() == Bundle.ACTIVE) {
                    continue;
                }
                failures.add(BundleNames.of(bundle));
                if (first == null) {
                    first = "boot bundle " + BundleNames.of(bundle) + " (" + line.line().link() + ") is not active (state "
                            + bundle.getState() + "); see the log";
                }
            } catch (BundleException | RuntimeException e) {
                failures.add(BundleNames.of(bundle));
                if (first == null) {
                    first = "boot bundle " + BundleNames.of(bundle) + " (" + line.line().link() + ") did not start: "
                            + ResolutionMessage.summarize(e) + "; " + advice(e);
                    firstCause = e;
                }
            }
        }
        if (first != null) {
            String more = failures.size() > 1 ? " (" + (failures.size() - 1) + " more failed: "
                    + String.join(", ", failures.subList(1, failures.size())) + ")" : "";
            throw new PalisadeStartException(StartFailure.BUNDLE_NOT_STARTED, first + more, firstCause);
        }
        LOG.log(Level.DEBUG, "all {0} boot bundles are active", installed.size());
    }

    private static String advice(Throwable e) {
        if (e instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
            return "add a bundle that provides it to a boot feature (features.xml) and to system/";
        }
        return "see the log for the bundle's stack trace";
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private static void stopQuietly(Framework framework, HomeLock lock) {
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | RuntimeException e) {
            LOG.log(Level.WARNING, "framework did not stop cleanly after a failed start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.close();
        }
    }

    private record ResolvedBundle(FeatureBundle line, Path file) {
    }
}
