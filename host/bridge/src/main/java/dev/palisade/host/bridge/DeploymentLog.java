package dev.palisade.host.bridge;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The deployment history kept in the store, so a restart keeps it. Registered by the store bundle
 * beside {@link StoreAdmin}; meant for the extension module, which records every attempt here.
 * Thread-safe. Failures are {@link HostProblem}s as {@link StoreAdmin} lists them ({@code store-unavailable}
 * 503 within the fail-fast time, {@code store-input} 400 for a field that does not fit, and 409
 * {@code store-conflict} for an attempt id already recorded).
 */
@ProviderType
public interface DeploymentLog {

    /**
     * Records one attempt in its own transaction; when this returns it is committed.
     *
     * @param record the attempt; {@code attemptId}, {@code at}, {@code source}, {@code fileName} and
     *               {@code outcome} are required
     */
    void record(DeploymentRecord record);

    /**
     * @param limit at most this many, 1..10000
     * @return the newest attempts, newest first
     */
    List<DeploymentRecord> recent(int limit);

    /** @return the attempts for one extension id, oldest first */
    List<DeploymentRecord> ofExtension(String extensionId);
}
