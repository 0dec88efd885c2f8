package dev.palisade.host.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * Waits until each service the host needs is registered, within one shared deadline, and ends the wait
 * early when a component reports through {@link LauncherStartupReport} that it cannot start.
 */
final class ReadyServices {

    private static final long POLL_MILLIS = 100;

    private ReadyServices() {
    }

    /**
     * @param context  the system bundle's context
     * @param services service interface names
     * @param timeout  the time all of them may take together
     * @param report   checked while waiting: a component that reported it cannot start ends the wait
     * @throws PalisadeStartException (SERVICE_FAILED) with the reported line, (NOT_READY) naming the first
     *         service that did not appear
     */
    static void await(BundleContext context, List<String> services, Duration timeout, LauncherStartupReport report)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String service : services) {
            Filter filter;
            try {
                filter = FrameworkUtil.createFilter("(objectClass=" + service + ")");
            } catch (InvalidSyntaxException e) {
                throw new PalisadeStartException(StartFailure.INVALID_SETTING, HostSettings.READY_SERVICES
                        + " names [" + service + "], which is not a service interface name", e);
            }
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
            tracker.open(true);
            try {
                Object found = null;
                while (found == null && System.nanoTime() - deadline < 0) {
                    report.throwIfReported();
                    long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    found = tracker.waitForService(Math.min(remaining, POLL_MILLIS));
                }
                if (found == null) {
                    report.throwIfReported();
                    throw new PalisadeStartException(StartFailure.NOT_READY, "service " + service + " did not appear within "
                            + timeout.toSeconds() + " s" + inactiveBundles(context)
                            + "; see the log for the bundle that should register it, or raise " + HostSettings.START_TIMEOUT);
                }
            } finally {
                tracker.close();
            }
        }
        report.throwIfReported();
    }

    private static String inactiveBundles(BundleContext context) {
        List<String> inactive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders("").get("Fragment-Host") != null;
            if (bundle.getState() != Bundle.ACTIVE && !fragment) {
                inactive.add(BundleNames.of(bundle));
            }
        }
        return inactive.isEmpty() ? "" : " (bundles not active: " + String.join(", ", inactive) + ")";
    }
}
