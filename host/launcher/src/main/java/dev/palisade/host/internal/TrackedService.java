package dev.palisade.host.internal;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import dev.palisade.host.bridge.HostProblem;

/**
 * One service the embedding API calls, followed with a {@link ServiceTracker} opened on the system bundle's
 * context: a call reads the tracker's cached service instead of asking the framework's registry
 * ({@code getServiceReference}, {@code getService}, {@code ungetService}), which cost about 7 µs a call. The
 * tracker sees what those lookups saw — only a registration whose class the launcher's class path agrees on —
 * and drops the service when it is unregistered, so a module that stops answers the problem {@link #get} names
 * until it is back. Thread-safe.
 *
 * @param <S> the bridge type the service is registered under
 */
final class TrackedService<S> implements AutoCloseable {

    private final ServiceTracker<S, S> tracker;
    private final Supplier<HostProblem> missing;

    /**
     * Starts following the service.
     *
     * @param context the system bundle's context, of a started framework
     * @param type    the bridge type
     * @param missing makes what a call answers while no such service is registered
     */
    TrackedService(BundleContext context, Class<S> type, Supplier<HostProblem> missing) {
        this.tracker = new ServiceTracker<>(context, type, null);
        this.missing = missing;
        tracker.open();
    }

    /**
     * @return the registered service (the highest ranked, if several)
     * @throws HostProblem the problem {@code missing} makes, while none is registered
     */
    S get() {
        S service = tracker.getService();
        if (service == null) {
            throw missing.get();
        }
        return service;
    }

    /** Stops following the service; quiet when the framework has stopped already. */
    @Override
    public void close() {
        tracker.close();
    }
}
