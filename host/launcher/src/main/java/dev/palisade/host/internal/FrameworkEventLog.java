package dev.palisade.host.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Logs the framework's errors and warnings, with the bundle named, so that failures in bundles
 * (activators, resolution during start-level changes, listeners) are never invisible; and lets the
 * launcher wait for the framework's STARTED event.
 */
final class FrameworkEventLog implements FrameworkListener {

    private static final Logger LOG = System.getLogger("dev.palisade.host");

    private final CountDownLatch started = new CountDownLatch(1);

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        switch (event.getType()) {
            case FrameworkEvent.STARTED -> started.countDown();
            case FrameworkEvent.ERROR -> log(Level.ERROR, event);
            case FrameworkEvent.WARNING -> log(Level.WARNING, event);
            default -> {
                // INFO, start-level and refresh events carry nothing an operator needs
            }
        }
    }

    /** Resolution failures are fully described by their message; anything else gets its stack trace. */
    private static void log(Level level, FrameworkEvent event) {
        Throwable error = event.getThrowable();
        if (error instanceof BundleException bundleError && bundleError.getType() == BundleException.RESOLVE_ERROR) {
            LOG.log(level, describe(event));
        } else {
            LOG.log(level, describe(event), error);
        }
    }

    /**
     * @param timeoutMillis how long to wait
     * @return true when the framework reported STARTED in time
     */
    boolean awaitStarted(long timeoutMillis) throws InterruptedException {
        return started.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static String describe(FrameworkEvent event) {
        Bundle bundle = event.getBundle();
        String who = bundle == null ? "framework" : "bundle " + BundleNames.of(bundle);
        Throwable error = event.getThrowable();
        return who + ": " + (error == null ? "(no detail)" : OneLine.of(error.getMessage()));
    }
}
