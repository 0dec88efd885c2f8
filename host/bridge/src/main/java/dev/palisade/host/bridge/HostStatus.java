package dev.palisade.host.bridge;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The launcher's view of the host's life cycle, registered by the launcher on the system bundle.
 * Read by the health endpoint. Thread-safe.
 */
@ProviderType
public interface HostStatus {

    /** @return true once every boot feature is started and the deploy folder has been scanned */
    boolean ready();

    /** @return when the launcher started the framework */
    Instant startedAt();

    /** @return the Palisade version */
    String version();
}
