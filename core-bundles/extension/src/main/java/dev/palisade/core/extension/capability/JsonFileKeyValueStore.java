package dev.palisade.core.extension.capability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.api.capability.KeyValueStore;
import dev.palisade.api.extension.ExtensionException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One extension's store, kept in memory as serialized JSON per key and written in full to its
 * file after every change: to a temporary file beside it, forced to disk, then moved over the old
 * file atomically, so a crash leaves either the old or the new content. Loaded on first use. A
 * change that cannot be written is undone in memory and reported as {@code io_error}. Every
 * method holds the store's lock, so each call is atomic. Thread-safe.
 */
final class JsonFileKeyValueStore implements KeyValueStore {

    /** The longest key, in characters. */
    static final int MAX_KEY_CHARS = 256;
    /** The largest value, as UTF-8 JSON. */
    static final int MAX_VALUE_BYTES = 256 * 1024;
    /** The most keys one extension stores. */
    static final int MAX_KEYS = 10_000;
    /** The largest store, as the sum of its keys' and values' UTF-8 JSON. */
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;

    /** Temporary files are hidden beside the store file while it is replaced. */
    private static final String FILE_PREFIX = ".kv-";

    private final String extensionId;
    private final Path file;
    private final ObjectMapper mapper;
    private TreeMap<String, byte[]> entries;
    private long totalBytes;

    JsonFileKeyValueStore(String extensionId, Path file, ObjectMapper mapper) {
        this.extensionId = extensionId;
        this.file = file;
        this.mapper = mapper;
    }

    @Override
    public synchronized Optional<Object> get(String key) {
        byte[] json = loaded().get(requireKey(key));
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(json, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("stored value of key " + key + " does not parse again", e);
        }
    }

    @Override
    public synchronized void put(String key, Object value) {
        requireKey(key);
        if (value == null) {
            throw new ExtensionException("invalid_value", "the value for key \"" + LogText.escape(key, 100)
                    + "\" is null; to delete a key call remove(key)");
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(JsonTree.copy(value));
        } catch (JsonProcessingException e) {
            throw new ExtensionException("invalid_value", "the value for key \"" + LogText.escape(key, 100)
                    + "\" cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (json.length > MAX_VALUE_BYTES) {
            throw new ExtensionException("value_too_large", "the value for key \"" + LogText.escape(key, 100)
                    + "\" is " + json.length + " bytes as JSON; a value may have at most " + MAX_VALUE_BYTES);
        }
        TreeMap<String, byte[]> current = loaded();
        byte[] previous = current.get(key);
        if (previous == null && current.size() >= MAX_KEYS) {
            throw new ExtensionException("store_full", "the store already holds " + MAX_KEYS
                    + " keys, the most it may; remove keys you no longer need");
        }
        long total = totalBytes + json.length + (previous == null ? keyBytes(key) : -previous.length);
        if (total > MAX_TOTAL_BYTES) {
            throw new ExtensionException("store_full", "storing key \"" + LogText.escape(key, 100) + "\" would make"
                    + " the store " + total + " bytes; it may hold at most " + MAX_TOTAL_BYTES
                    + "; remove keys you no longer need");
        }
        current.put(key, json);
        try {
            save(current);
        } catch (ExtensionException e) {
            if (previous == null) {
                current.remove(key);
            } else {
                current.put(key, previous);
            }
            throw e;
        }
        totalBytes = total;
    }

    @Override
    public synchronized boolean remove(String key) {
        TreeMap<String, byte[]> current = loaded();
        byte[] previous = current.remove(requireKey(key));
        if (previous == null) {
            return false;
        }
        try {
            save(current);
        } catch (ExtensionException e) {
            current.put(key, previous);
            throw e;
        }
        totalBytes -= previous.length + keyBytes(key);
        return true;
    }

    @Override
    public synchronized Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(loaded().keySet()));
    }

    private TreeMap<String, byte[]> loaded() {
        if (entries == null) {
            entries = load();
            totalBytes = 0;
            entries.forEach((key, json) -> totalBytes += keyBytes(key) + json.length);
        }
        return entries;
    }

    private TreeMap<String, byte[]> load() {
        TreeMap<String, byte[]> read = new TreeMap<>();
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return read;
        } catch (IOException e) {
            throw new ExtensionException("io_error", "could not read the key-value store of extension " + extensionId
                    + " from " + file + ": " + e.getMessage() + "; an operator can restore the file or delete it", e);
        }
        if (root == null || !root.isObject()) {
            throw new ExtensionException("io_error", "the key-value store of extension " + extensionId + " in " + file
                    + " is not a JSON object; an operator can restore the file or delete it");
        }
        try {
            for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                read.put(field.getKey(), mapper.writeValueAsBytes(field.getValue()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written again", e);
        }
        return read;
    }

    private void save(TreeMap<String, byte[]> content) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), FILE_PREFIX, ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(serialize(content));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new ExtensionException("io_error", "could not write the key-value store of extension " + extensionId
                    + " to " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is left behind; the store file itself is unchanged
                }
            }
        }
    }

    private byte[] serialize(TreeMap<String, byte[]> content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, byte[]> entry : content.entrySet()) {
                json.writeFieldName(entry.getKey());
                json.writeRawValue(new String(entry.getValue(), StandardCharsets.UTF_8));
            }
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new ExtensionException("invalid_key", "no key given; a key is 1 to " + MAX_KEY_CHARS + " characters");
        }
        if (key.length() > MAX_KEY_CHARS) {
            throw new ExtensionException("invalid_key", "key \"" + LogText.escape(key, 60) + "\" is " + key.length()
                    + " characters long; a key is 1 to " + MAX_KEY_CHARS + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw new ExtensionException("invalid_key", "key \"" + LogText.escape(key, 60)
                        + "\" contains a control character; use printable characters");
            }
        }
        return key;
    }

    private static long keyBytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length;
    }
}
