package dev.palisade.host.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;
import dev.palisade.host.bridge.StartupReport;

/**
 * The launcher's {@link StartupReport}: keeps the first report made while the host starts, which
 * {@link #throwIfReported()} turns into the start's failure. Once the host is ready (or the start has
 * failed) it takes no more reports. Thread-safe.
 */
final class LauncherStartupReport implements StartupReport {

    private final AtomicReference<String> first = new AtomicReference<>();
    private final AtomicBoolean open = new AtomicBoolean(true);

    @Override
    public boolean cannotStart(String component, String reason) {
        if (!open.get()) {
            return false;
        }
        first.compareAndSet(null, OneLine.of(reason));
        return true;
    }

    /** Takes no more reports: the host is ready or its start failed. */
    void close() {
        open.set(false);
    }

    /** @throws PalisadeStartException (SERVICE_FAILED) with the first reported line, if any */
    void throwIfReported() {
        String reason = first.get();
        if (reason != null) {
            throw new PalisadeStartException(StartFailure.SERVICE_FAILED, reason);
        }
    }
}
