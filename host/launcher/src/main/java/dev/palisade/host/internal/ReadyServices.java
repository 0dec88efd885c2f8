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

/** Waits until each service the host needs is registered, within one shared deadline. */
final class ReadyServices {

    private ReadyServices() {
    }

    /**
     * @param context  the system bundle's context
     * @param services service interface names
     * @param timeout  the time all of them may take together
     * @throws PalisadeStartException (NOT_READY) naming the first service that did not appear
     */
    static void await(BundleContext context, List<String> services, Duration timeout) throws InterruptedException {
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
                long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (tracker.waitForService(remaining) == null) {
                    throw new PalisadeStartException(StartFailure.NOT_READY, "service " + service + " did not appear within "
                            + timeout.toSeconds() + " s" + inactiveBundles(context)
                            + "; see the log for the bundle that should register it, or raise " + HostSettings.START_TIMEOUT);
                }
            } finally {
                tracker.close();
            }
        }
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
