package dev.palisade.host.bridge;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Approval requests as the execute engine uses them: registered by the confirm module. Thread-safe.
 */
@ProviderType
public interface ConfirmationGate {

    /**
     * Creates a confirmation request exactly as {@code POST /api/v1/mplp/confirmations} does (schema
     * validation, policy auto-decision, expiry).
     *
     * @param confirmation an MPLP Confirm object as plain JSON values
     * @return the stored object, with its {@code result}
     * @throws HostProblem {@code schema-violation} (400), {@code store-unavailable} (503)
     */
    Map<String, Object> request(Map<String, Object> confirmation);

    /**
     * @return {@code pending}, {@code approved}, {@code rejected} or {@code expired}
     * @throws HostProblem {@code not-found} (404) for an unknown id
     */
    String status(String id);

    /**
     * Calls {@code listener} once, with the final status ({@code approved}, {@code rejected} or
     * {@code expired}), when the request is decided or expires; at once (on the caller's thread) when it
     * already is. The listener runs on a host thread and must return quickly.
     *
     * @throws HostProblem {@code not-found} (404) for an unknown id
     */
    void whenDecided(String id, Consumer<String> listener);
}
