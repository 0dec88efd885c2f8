package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.KeyValueStore;

/**
 * Where each extension's {@link KeyValueStore} lives. The capability factory asks it once per
 * invocation; an implementation hands out one store per extension id, shared by that extension's
 * concurrent invocations. Implementations are thread-safe. {@link JsonFileKeyValueStores} keeps
 * each store in a JSON file; a database-backed one can replace it without touching the rest.
 */
public interface KeyValueStores {

    /**
     * @param extensionId the extension's id, already checked to be a safe folder name
     * @return that extension's store; never another extension's
     */
    KeyValueStore forExtension(String extensionId);
}
