package dev.palisade.host.internal;

import java.time.Instant;

import dev.palisade.host.bridge.HostStatus;

/** The launcher's {@link HostStatus}: not ready while booting and after close. Thread-safe. */
public final class LauncherHostStatus implements HostStatus {

    private final Instant startedAt;
    private final String version;
    private volatile boolean ready;

    /**
     * @param startedAt when the launcher started the framework
     * @param version   the Palisade version
     */
    public LauncherHostStatus(Instant startedAt, String version) {
        this.startedAt = startedAt;
        this.version = version;
    }

    /** @param ready whether the host now serves */
    void setReady(boolean ready) {
        this.ready = ready;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String version() {
        return version;
    }
}
