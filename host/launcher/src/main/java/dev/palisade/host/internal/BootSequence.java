package dev.palisade.host.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import dev.palisade.host.PalisadeHost;
import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;
import dev.palisade.host.bridge.HostStatus;
import dev.palisade.host.bridge.StartupReport;

/**
 * Starts one host: finds the boot bundles, checks the port, locks the home, then initializes
 * Felix, registers {@link HostStatus} and {@link StartupReport}, installs the bundles with their start levels, starts the
 * framework, requires every boot bundle to be active, waits for the services the host needs and
 * checks HTTP listens. Any failure stops the framework and releases the home before it is thrown.
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
        BootBundles bundles = BootBundles.of(settings);
        PortCheck.requireFree(settings.port());
        int beginning = bundles.highestStartLevel();
        HomeLock lock = HomeLock.acquire(settings.layout());
        Framework framework;
        try {
            framework = newFramework(FrameworkProperties.of(settings, beginning));
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        LauncherHostStatus status = new LauncherHostStatus(Instant.now(), PalisadeVersion.current());
        LauncherStartupReport report = new LauncherStartupReport();
        try {
            FrameworkEventLog events = new FrameworkEventLog();
            framework.init(events);
            BundleContext context = framework.getBundleContext();
            context.addFrameworkListener(events);
            context.registerService(HostStatus.class, status, null);
            context.registerService(StartupReport.class, report, null);
            bundles.install(context);
            framework.start();
            if (!events.awaitStarted(settings.startTimeout().toMillis())) {
                throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED, "the framework did not reach start level "
                        + beginning + " within " + settings.startTimeout().toSeconds() + " s; see the log for the bundle that hangs");
            }
            bundles.requireActive();
            ReadyServices.await(context, settings.readyServices(), settings.startTimeout(), report);
            int port = HttpEndpoint.port(context, settings.port());
            if (settings.readyServices().contains(HostSettings.HTTP_RUNTIME)) {
                HttpEndpoint.requireListening(port);
            }
            report.close();
            RunningHost host = new RunningHost(framework, lock, status, port, settings.stopTimeout(),
                    PortFile.of(settings.layout()));
            status.setReady(true);
            return host;
        } catch (BundleException e) {
            stopQuietly(framework, lock);
            throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED,
                    "the OSGi framework failed to start: " + OneLine.of(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(framework, lock);
            throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED, "interrupted while the host was starting", e);
        } catch (RuntimeException | Error e) {
            report.close();
            stopQuietly(framework, lock);
            throw e;
        }
    }

    private static Framework newFramework(Map<String, String> properties) {
        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class, BootSequence.class.getClassLoader()).iterator();
        if (!factories.hasNext()) {
            throw new PalisadeStartException(StartFailure.FRAMEWORK_FAILED,
                    "no OSGi framework on the class path; put org.apache.felix.framework beside the launcher in lib/");
        }
        return factories.next().newFramework(properties);
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
}
