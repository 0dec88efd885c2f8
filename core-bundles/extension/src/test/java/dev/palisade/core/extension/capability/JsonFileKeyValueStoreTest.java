package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.KeyValueStore;
import dev.palisade.api.extension.ExtensionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonFileKeyValueStoreTest {

    @TempDir
    Path temp;

    @Test
    void valuesPersistAcrossFactoryInstances() throws Exception {
        CapabilityTesting first = new CapabilityTesting(temp);
        KeyValueStore store = first.capabilities().store();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("count", 3);
        value.put("tags", List.of("a", "b"));
        value.put("ratio", 0.5);
        value.put("none", null);
        store.put("settings", value);
        store.put("name", "text-tools");
        store.put("gone", true);
        assertTrue(store.remove("gone"));
        assertFalse(store.remove("gone"));

        Path file = temp.resolve("data/extensions/" + first.extensionId + "/kv.json");
        assertEquals("{\"name\":\"text-tools\",\"settings\":{\"count\":3,\"tags\":[\"a\",\"b\"],\"ratio\":0.5,"
                + "\"none\":null}}", Files.readString(file));

        CapabilityFactory second = new CapabilityFactory(first.home.resolve("etc/secrets"),
                first.dataDir.resolve("extensions"), java.time.Clock.systemUTC(), null);
        KeyValueStore reopened = second.forInvocation(first.extensionId, "x",
                dev.palisade.sandbox.permission.Grants.of(second.dataFolder(first.extensionId), List.of()), "inv")
                .store();
        assertEquals(Set.of("name", "settings"), reopened.keys());
        assertEquals(Optional.of(value), reopened.get("settings"));
        assertEquals(Optional.of("text-tools"), reopened.get("name"));
        assertEquals(Optional.empty(), reopened.get("gone"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of("files", "kv.json"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void storesAreSeparatePerExtension() {
        CapabilityTesting a = new CapabilityTesting(temp);
        CapabilityTesting b = new CapabilityTesting(temp);
        a.capabilities().store().put("k", "from a");
        assertEquals(Optional.empty(), b.capabilities().store().get("k"));
    }

    @Test
    void storedValuesAreCopiesInBothDirections() {
        KeyValueStore store = new CapabilityTesting(temp).capabilities().store();
        List<Object> list = new ArrayList<>(List.of(1, 2));
        store.put("list", list);
        list.add(3);
        assertEquals(Optional.of(List.of(1, 2)), store.get("list"));
        @SuppressWarnings("unchecked")
        List<Object> got = (List<Object>) store.get("list").orElseThrow();
        got.add(4);
        assertEquals(Optional.of(List.of(1, 2)), store.get("list"));
    }

    @Test
    void onlyJsonValuesAreAccepted() {
        KeyValueStore store = new CapabilityTesting(temp).capabilities().store();
        ExtensionException object = assertThrows(ExtensionException.class,
                () -> store.put("k", Map.of("when", new java.util.Date(0))));
        assertEquals("invalid_value", object.code());
        assertEquals("value at '/when' is a java.util.Date; only null, String, Number, Boolean, List and Map may"
                + " cross the extension boundary", object.getMessage());
        ExtensionException nan = assertThrows(ExtensionException.class, () -> store.put("k", List.of(Double.NaN)));
        assertEquals("number at '/0' is NaN; JSON has no NaN or infinity", nan.getMessage());
        ExtensionException custom = assertThrows(ExtensionException.class, () -> store.put("k", new SneakyNumber()));
        assertTrue(custom.getMessage().startsWith("number at '' is a " + SneakyNumber.class.getName()),
                custom.getMessage());
        ExtensionException none = assertThrows(ExtensionException.class, () -> store.put("k", null));
        assertEquals("the value for key \"k\" is null; to delete a key call remove(key)", none.getMessage());
        assertEquals("invalid_key", assertThrows(ExtensionException.class, () -> store.put("", 1)).code());
        assertEquals("invalid_key", assertThrows(ExtensionException.class, () -> store.put("a\nb", 1)).code());
        assertEquals(Set.of(), store.keys());
    }

    @Test
    void bigNumbersSurviveAndSubclassesAreNormalized() {
        KeyValueStore store = new CapabilityTesting(temp).capabilities().store();
        store.put("big", new BigInteger("123456789012345678901234567890"));
        store.put("dec", new BigDecimal("1.25"));
        store.put("tricky", new BigInteger("7") {
            @Override
            public String toString() {
                return "7, \"injected\": true";
            }
        });
        assertEquals(Optional.of(new BigInteger("123456789012345678901234567890")), store.get("big"));
        assertEquals(Optional.of(1.25), store.get("dec"));
        assertEquals(Optional.of(7), store.get("tricky"));
        assertEquals(Set.of("big", "dec", "tricky"), store.keys());
    }

    @Test
    void sizeLimitsAreEnforcedWithClearMessages() {
        KeyValueStore store = new CapabilityTesting(temp).capabilities().store();
        String large = "x".repeat(JsonFileKeyValueStore.MAX_VALUE_BYTES);
        ExtensionException tooLarge = assertThrows(ExtensionException.class, () -> store.put("big", large));
        assertEquals("value_too_large", tooLarge.code());
        assertEquals("the value for key \"big\" is " + (JsonFileKeyValueStore.MAX_VALUE_BYTES + 2)
                + " bytes as JSON; a value may have at most " + JsonFileKeyValueStore.MAX_VALUE_BYTES,
                tooLarge.getMessage());
        String chunk = "y".repeat(JsonFileKeyValueStore.MAX_VALUE_BYTES - 100);
        int stored = 0;
        ExtensionException full = null;
        while (full == null) {
            try {
                store.put("k" + stored, chunk);
                stored++;
            } catch (ExtensionException e) {
                full = e;
            }
        }
        assertEquals("store_full", full.code());
        assertEquals(32, stored);
        assertEquals(Optional.empty(), store.get("k" + stored));
        store.put("k0", "small");
        store.put("k" + stored, chunk);
        assertEquals(stored + 1, store.keys().size());
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int n = thread;
                done.add(pool.submit(() -> {
                    KeyValueStore store = t.capabilities().store();
                    for (int i = 0; i < 25; i++) {
                        store.put("t" + n + "-" + i, Map.of("i", i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CapabilityFactory fresh = new CapabilityFactory(t.home, t.dataDir.resolve("extensions"),
                java.time.Clock.systemUTC(), null);
        KeyValueStore reopened = fresh.forInvocation(t.extensionId, "x",
                dev.palisade.sandbox.permission.Grants.none(), "inv").store();
        assertEquals(200, reopened.keys().size());
        assertEquals(Optional.of(Map.of("i", 24)), reopened.get("t7-24"));
    }

    @Test
    void aDamagedStoreFileIsReportedNotOverwritten() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        Path file = temp.resolve("data/extensions/" + t.extensionId + "/kv.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"a\": 1,");
        KeyValueStore store = t.capabilities().store();
        ExtensionException damaged = assertThrows(ExtensionException.class, () -> store.put("b", 2));
        assertEquals("io_error", damaged.code());
        assertTrue(damaged.getMessage().startsWith("could not read the key-value store of extension " + t.extensionId
                + " from " + file), damaged.getMessage());
        assertEquals("{\"a\": 1,", Files.readString(file));
        Files.writeString(file, "{\"a\": 1}");
        assertEquals(Optional.of(1), store.get("a"));
    }

    /** A Number of the extension's own, which a serializer would write with its toString. */
    static final class SneakyNumber extends Number {
        private static final long serialVersionUID = 1L;

        @Override
        public int intValue() {
            return 1;
        }

        @Override
        public long longValue() {
            return 1;
        }

        @Override
        public float floatValue() {
            return 1;
        }

        @Override
        public double doubleValue() {
            return 1;
        }

        @Override
        public String toString() {
            return "1, \"injected\": true";
        }
    }
}
