package dev.palisade.host.bridge;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access from one protocol module to the objects another module keeps. The context module
 * registers one with the service property {@code mplp.module=context}, the plan module one with
 * {@code mplp.module=plan}, the role module one with {@code mplp.module=role}. Thread-safe.
 */
@ProviderType
public interface ProtocolObjects {

    /** The service property naming the module that keeps the objects. */
    String MODULE_PROPERTY = "mplp.module";

    /**
     * @param id the object's id
     * @return the stored MPLP object as plain JSON values (Map, List, String, Number, Boolean, null), as
     *         {@code GET /api/v1/mplp/<module>s/{id}} answers it; empty when there is none
     * @throws HostProblem {@code store-unavailable} (503) when the store cannot be read
     */
    Optional<Map<String, Object>> find(String id);
}
