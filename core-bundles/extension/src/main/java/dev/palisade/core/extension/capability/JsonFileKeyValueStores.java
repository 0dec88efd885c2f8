package dev.palisade.core.extension.capability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.api.capability.KeyValueStore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps each extension's key-value store in {@code <data root>/<extension id>/kv.json}, outside the
 * extension's files folder, so the files capability cannot reach it. One instance per data root
 * in a process: it hands out one store object per extension, and that object is the only writer
 * of its file. Thread-safe.
 */
public final class JsonFileKeyValueStores implements KeyValueStores {

    /** The store file's name inside an extension's folder. */
    public static final String FILE_NAME = "kv.json";

    private final Path dataRoot;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ConcurrentMap<String, JsonFileKeyValueStore> stores = new ConcurrentHashMap<>();

    /** @param dataRoot the folder holding one folder per extension id, absolute */
    public JsonFileKeyValueStores(Path dataRoot) {
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot").toAbsolutePath().normalize();
    }

    @Override
    public KeyValueStore forExtension(String extensionId) {
        String id = ExtensionIds.requireSafe(extensionId);
        return stores.computeIfAbsent(id, key -> new JsonFileKeyValueStore(key,
                dataRoot.resolve(key).resolve(FILE_NAME), mapper));
    }
}
