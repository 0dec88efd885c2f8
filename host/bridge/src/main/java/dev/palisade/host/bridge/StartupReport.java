package dev.palisade.host.bridge;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a core bundle says that it cannot provide its service, so that the host's start fails at once
 * with that one line instead of waiting for a service that will never come. Registered by the launcher
 * on the system bundle before any bundle starts. Thread-safe.
 */
@ProviderType
public interface StartupReport {

    /**
     * Reports that a component cannot start.
     *
     * @param component the component, such as {@code store}
     * @param reason    one line: what is wrong and what to do
     * @return true when the launcher takes the report: the host is starting and its start fails with
     *         {@code reason}, which the launcher prints; false when the host is already running (or
     *         stopping), so the caller must log the problem itself
     */
    boolean cannotStart(String component, String reason);
}
