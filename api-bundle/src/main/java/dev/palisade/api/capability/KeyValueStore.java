package dev.palisade.api.capability;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The extension's own persistent key-value store; no other extension sees it. Values are
 * JSON-compatible (see {@link dev.palisade.api.extension.JsonValues}). Thread-safe; each call is
 * atomic on its own.
 */
@ProviderType
public interface KeyValueStore {

    /** @return the value stored under the key, if any */
    Optional<Object> get(String key);

    /** Stores a JSON-compatible value under the key, replacing any earlier one. */
    void put(String key, Object value);

    /** @return whether a value was removed */
    boolean remove(String key);

    /** @return the keys, sorted */
    Set<String> keys();
}
