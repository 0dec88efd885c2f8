package dev.palisade.host.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

import dev.palisade.host.PalisadeHost;
import dev.palisade.host.PalisadeStopException;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.ExtensionHost;
import dev.palisade.host.bridge.ExtensionInfo;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.StoreAdmin;

/**
 * A started host: calls go to the extension module's {@link ExtensionHost} and the store's
 * {@link StoreAdmin} services. Writes the home's port file while it runs. Thread-safe.
 */
public final class RunningHost implements PalisadeHost {

    private final Framework framework;
    private final HomeLock lock;
    private final LauncherHostStatus status;
    private final int port;
    private final Duration stopTimeout;
    private final PortFile portFile;
    private final TrackedService<ExtensionHost> extensionHost;
    private final TrackedService<StoreAdmin> store;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningHost(Framework framework, HomeLock lock, LauncherHostStatus status, int port, Duration stopTimeout,
            PortFile portFile) {
        this.framework = framework;
        this.lock = lock;
        this.status = status;
        this.port = port;
        this.stopTimeout = stopTimeout;
        this.portFile = portFile;
        BundleContext context = framework.getBundleContext();
        this.extensionHost = new TrackedService<>(context, ExtensionHost.class, () -> new HostProblem(503,
                "extension-module-unavailable", "Extension module unavailable", "the extension module"
                        + " (palisade-core-extension) is not running; check the log and the boot features"));
        this.store = new TrackedService<>(context, StoreAdmin.class, () -> new HostProblem(503, "store-unavailable",
                "Store unavailable", "the store (palisade-core-store) is not running; check the log and the boot"
                        + " features"));
        portFile.write(port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public boolean ready() {
        return !closed.get() && status.ready() && framework.getState() == Bundle.ACTIVE;
    }

    @Override
    public DeploymentRecord deploy(Path jar) {
        return live(extensionHost).deploy(jar, DeploymentSource.EMBEDDING_API);
    }

    @Override
    public DeploymentRecord undeploy(String idOrName) {
        return live(extensionHost).undeploy(idOrName, DeploymentSource.EMBEDDING_API);
    }

    @Override
    public Object invoke(String idOrName, String method, Map<String, Object> input) {
        return live(extensionHost).invoke(idOrName, method, input);
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return live(extensionHost).extensions();
    }

    @Override
    public List<DeploymentRecord> deployments() {
        return live(extensionHost).deployments();
    }

    @Override
    public StoreAdmin store() {
        return live(store);
    }

    /** @return the service, while this host is open and the service registered */
    private <S> S live(TrackedService<S> service) {
        if (closed.get()) {
            throw new IllegalStateException("this Palisade host is closed; start a new one with Palisade.builder()");
        }
        return service.get();
    }

    /**
     * Blocks until the framework has stopped, by {@link #close()} or from inside.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        status.setReady(false);
        portFile.delete();
        extensionHost.close();
        store.close();
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(stopTimeout.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                // the lock stays held: bundles are still running on this home
                throw new PalisadeStopException("the framework did not stop within " + stopTimeout.toSeconds()
                        + " s; a bundle hangs in its stop method (see the thread dump)", null);
            }
            lock.close();
            if (event.getType() == FrameworkEvent.ERROR) {
                throw new PalisadeStopException("the framework stopped with an error: " + OneLine.of(String.valueOf(
                        event.getThrowable() == null ? null : event.getThrowable().getMessage())), event.getThrowable());
            }
        } catch (BundleException e) {
            throw new PalisadeStopException("the framework could not be stopped: " + OneLine.of(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PalisadeStopException("interrupted while waiting for the framework to stop", e);
        }
    }
}
