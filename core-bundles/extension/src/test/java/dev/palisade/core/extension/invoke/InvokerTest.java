package dev.palisade.core.extension.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.extension.InvalidInputException;
import dev.palisade.api.extension.Plugin;
import dev.palisade.core.extension.capability.CapabilityFactory;
import dev.palisade.core.extension.grant.ExtensionPermissions;
import dev.palisade.core.extension.registry.ActiveExtension;
import dev.palisade.core.extension.run.ExtensionRuntime;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.web.Json;

class InvokerTest {

    private static final SchemaCompiler COMPILER = new SchemaCompiler();
    private static final String INPUT = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},"
            + "\"limit\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"text\"]}";
    private static final String OUTPUT = "{\"type\":\"object\",\"properties\":{\"words\":{\"type\":\"integer\"}},"
            + "\"required\":[\"words\"]}";

    private static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"), "palisade-invoker-test");
    private final Invoker invoker = new Invoker(CapabilityFactory.forHost(SCRATCH, SCRATCH));

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static ActiveExtension extension(Plugin plugin, ClassLoader loader) throws Exception {
        return extension(plugin, loader, Duration.ofSeconds(5));
    }

    private static ActiveExtension extension(Plugin plugin, ClassLoader loader, Duration timeout) throws Exception {
        MethodSchemas schemas = MethodSchemas.compile(COMPILER, List.of("word_count"),
                Map.of("word_count", json(INPUT)), Map.of("word_count", json(OUTPUT)));
        return new ActiveExtension("5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a", "text-tools", "1.0.0", "plugin",
                List.of("word_count"), Map.of(), "CN=Publisher", "ab", plugin, loader, schemas,
                Instant.EPOCH, DeploymentSource.REST, java.nio.file.Path.of("/x.jar"), "00", null,
                ExtensionPermissions.NONE, Map.of(), new ExtensionRuntime("5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a",
                        "text-tools", "1.0.0", timeout, RuntimeLimits.defaults(), (who, a, e, d) -> { },
                        Clock.systemUTC()), java.nio.file.Path.of("/tmp"));
    }

    private static ActiveExtension extension(Plugin plugin) throws Exception {
        return extension(plugin, InvokerTest.class.getClassLoader());
    }

    private static Plugin wordCount() {
        return (method, input, context) -> Map.of("words", ((String) input.get("text")).split("\\s+").length);
    }

    @Test
    void validInputReachesThePluginAndTheOutputComesBack() throws Exception {
        Object output = invoker.invoke(extension(wordCount()), "word_count", Map.of("text", "a b c"));
        assertEquals(Map.of("words", 3), output);
    }

    @Test
    void unknownMethodIs404NamingTheKnownMethods() throws Exception {
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(wordCount()), "char_count", Map.of()));
        assertEquals(404, problem.status());
        assertEquals("method-not-found", problem.type());
        assertEquals("extension text-tools 1.0.0 has no method 'char_count'; its methods are: word_count",
                problem.detail());
    }

    @Test
    void inputAgainstTheSchemaIs400WithPointers() throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("limit", 0);
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(wordCount()), "word_count", input));

        assertEquals(400, problem.status());
        assertEquals("invalid-input", problem.type());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.properties().get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("/limit", errors.get(0).get("pointer"));
        assertEquals("must have a minimum value of 1", errors.get(0).get("message"));
        assertEquals("/text", errors.get(1).get("pointer"));
        assertEquals("required property 'text' not found", errors.get(1).get("message"));
        assertEquals("the input does not match the input schema of text-tools 1.0.0 method 'word_count': /limit:"
                + " must have a minimum value of 1; /text: required property 'text' not found; send an input the"
                + " schema accepts", problem.detail());
    }

    @Test
    void wrongTypeNamesThePointer() throws Exception {
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(wordCount()), "word_count", Map.of("text", 5)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.properties().get("errors");
        assertEquals(List.of(Map.of("pointer", "/text", "message", "integer found, string expected")), errors);
    }

    @Test
    void extensionExceptionIs422WithItsCode() throws Exception {
        Plugin plugin = (method, input, context) -> {
            throw new ExtensionException("upstream_unavailable", "the dictionary service is down");
        };
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(plugin), "word_count", Map.of("text", "x")));
        assertEquals(422, problem.status());
        assertEquals("extension-error", problem.type());
        assertEquals("upstream_unavailable", problem.properties().get("code"));
        assertEquals("extension text-tools 1.0.0 method 'word_count' reported [upstream_unavailable]: the"
                + " dictionary service is down", problem.detail());
    }

    @Test
    void invalidInputExceptionIs422WithCodeAndField() throws Exception {
        Plugin plugin = (method, input, context) -> {
            throw new InvalidInputException("/text", "text must not be blank");
        };
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(plugin), "word_count", Map.of("text", " ")));
        assertEquals(422, problem.status());
        assertEquals("invalid_input", problem.properties().get("code"));
        assertEquals("/text", problem.properties().get("field"));
        assertEquals("extension text-tools 1.0.0 method 'word_count' refused the input at '/text' [invalid_input]:"
                + " text must not be blank", problem.detail());
    }

    @Test
    void anyOtherThrowableIs502NamingTheExceptionClass() throws Exception {
        Plugin plugin = (method, input, context) -> {
            throw new IllegalStateException("boom");
        };
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(plugin), "word_count", Map.of("text", "x")));
        assertEquals(502, problem.status());
        assertEquals("extension-failed", problem.type());
        assertEquals("java.lang.IllegalStateException", problem.properties().get("exception"));
        assertEquals("extension text-tools 1.0.0 method 'word_count' failed with java.lang.IllegalStateException:"
                + " boom; this is a defect of the extension: report it to its publisher", problem.detail());

        Plugin overflow = (method, input, context) -> {
            throw new StackOverflowError();
        };
        HostProblem error = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(overflow), "word_count", Map.of("text", "x")));
        assertEquals("java.lang.StackOverflowError", error.properties().get("exception"));
    }

    @Test
    void outputThatIsNotPlainJsonIs502() throws Exception {
        Plugin plugin = (method, input, context) -> Map.of("words", new StringBuilder("3"));
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(plugin), "word_count", Map.of("text", "x")));
        assertEquals(502, problem.status());
        assertEquals("invalid-output", problem.type());
        assertEquals("extension text-tools 1.0.0 method 'word_count' returned an output that is not plain JSON:"
                + " value at '/words' is a java.lang.StringBuilder; only null, String, Number, Boolean, List and Map"
                + " may cross the extension boundary; this is a defect of the extension: report it to its"
                + " publisher", problem.detail());
    }

    @Test
    void outputAgainstTheSchemaIs502WithPointers() throws Exception {
        Plugin plugin = (method, input, context) -> Map.of("words", "three");
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(plugin), "word_count", Map.of("text", "x")));
        assertEquals(502, problem.status());
        assertEquals("invalid-output", problem.type());
        assertEquals(List.of(Map.of("pointer", "/words", "message", "string found, integer expected")),
                problem.properties().get("errors"));
    }

    @Test
    void contextClassLoaderIsTheExtensionsDuringTheCallAndRestoredAfter() throws Exception {
        ClassLoader extensionLoader = new URLClassLoader(new URL[0], null);
        List<ClassLoader> seen = new ArrayList<>();
        Plugin plugin = (method, input, context) -> {
            seen.add(Thread.currentThread().getContextClassLoader());
            return Map.of("words", 1);
        };
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        invoker.invoke(extension(plugin, extensionLoader), "word_count", Map.of("text", "x"));
        assertSame(extensionLoader, seen.get(0));
        assertSame(before, Thread.currentThread().getContextClassLoader());

        Plugin failing = (method, input, context) -> {
            throw new IllegalStateException("x");
        };
        assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(failing, extensionLoader), "word_count", Map.of("text", "x")));
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void inputAndOutputAreCopiesAndTheContextNamesTheCall() throws Exception {
        Map<String, Object> given = new HashMap<>(Map.of("text", "a b"));
        List<Object> seen = new ArrayList<>();
        Map<String, Object> returned = new HashMap<>(Map.of("words", 2));
        Plugin plugin = (method, input, context) -> {
            seen.add(input);
            seen.add(context.extensionName() + " " + context.extensionVersion() + " " + context.method());
            return returned;
        };
        Object output = invoker.invoke(extension(plugin), "word_count", given);

        assertNotSame(given, seen.get(0));
        assertEquals(given, seen.get(0));
        assertEquals("text-tools 1.0.0 word_count", seen.get(1));
        assertNotSame(returned, output);
        assertEquals(returned, output);
    }

    @Test
    void missingInputIsAnEmptyObject() throws Exception {
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension(wordCount()), "word_count", null));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("/text: required property 'text' not found"), problem.detail());
    }

    @Test
    void schemasMayNotReferToRemoteDocuments() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodSchemas.compile(COMPILER,
                List.of("word_count"),
                Map.of("word_count", json("{\"$ref\":\"https://example.invalid/schema.json\"}")),
                Map.of("word_count", json(OUTPUT))));
        assertTrue(e.getMessage().startsWith("the input schema of method 'word_count' cannot be used: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("https://example.invalid/schema.json"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; fix interface.input_schema.word_count in the descriptor"),
                e.getMessage());
    }

    @Test
    void localReferencesWork() throws Exception {
        String input = "{\"$defs\":{\"t\":{\"type\":\"string\"}},\"type\":\"object\","
                + "\"properties\":{\"text\":{\"$ref\":\"#/$defs/t\"}},\"required\":[\"text\"]}";
        MethodSchemas schemas = MethodSchemas.compile(COMPILER, List.of("m"), Map.of("m", json(input)),
                Map.of("m", json("{}")));
        assertEquals(List.of(Map.of("pointer", "/text", "message", "integer found, string expected")),
                SchemaErrors.validate(schemas.input("m"), json("{\"text\":1}")));
    }

    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** An extension's own map, slow to read: whoever reads it runs extension code. */
    static final class SlowMap extends java.util.AbstractMap<String, Object> {
        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            spin(3000);
            return java.util.Set.of();
        }
    }

    /** An extension's own exception, slow to describe. */
    static final class SlowMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            spin(3000);
            return "slow";
        }
    }

    @Test
    void readingAnOutputThatRunsCodeIsBoundByTheTimeLimit() throws Exception {
        ActiveExtension extension = extension((m, in, ctx) -> new SlowMap(), InvokerTest.class.getClassLoader(),
                Duration.ofMillis(300));
        long start = System.nanoTime();
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension, "word_count", Map.of("text", "a")));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, problem.status(), problem.getMessage());
        assertTrue(tookMs < 1500, "reading the output ran extension code on the caller's thread: " + tookMs + " ms");
    }

    @Test
    void describingAnExceptionThatRunsCodeIsBoundByTheTimeLimit() throws Exception {
        ActiveExtension extension = extension((m, in, ctx) -> {
            throw new SlowMessage();
        }, InvokerTest.class.getClassLoader(), Duration.ofMillis(300));
        long start = System.nanoTime();
        HostProblem problem = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension, "word_count", Map.of("text", "a")));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, problem.status(), problem.getMessage());
        assertTrue(tookMs < 1500, "describing the exception ran extension code on the caller's thread: " + tookMs
                + " ms");
    }

    /** An extension's own number whose methods must not run on the caller's thread. */
    static final class TrojanNumber extends Number {
        private static final long serialVersionUID = 1L;
        private final java.util.concurrent.atomic.AtomicReference<Thread> readOn;

        TrojanNumber(java.util.concurrent.atomic.AtomicReference<Thread> readOn) {
            this.readOn = readOn;
        }

        private long read() {
            readOn.set(Thread.currentThread());
            return 7;
        }

        @Override public int intValue() { return (int) read(); }
        @Override public long longValue() { return read(); }
        @Override public float floatValue() { return read(); }
        @Override public double doubleValue() { return read(); }
        @Override public String toString() { return Long.toString(read()); }
    }

    @Test
    void theOutputIsCopiedIntoJdkValuesOnTheExtensionsThread() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Thread> readOn = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<Object> list = new java.util.LinkedList<>(List.of(new TrojanNumber(readOn)));
        Object output = invoker.invoke(extension((m, in, ctx) -> new HashMap<>(Map.of("words", 7, "extra", list))),
                "word_count", Map.of("text", "a"));
        assertEquals(Map.of("words", 7, "extra", List.of(7L)), output);
        assertTrue(readOn.get() != null && readOn.get().getName().startsWith("palisade-ext-text-tools-"),
                "the extension's number was read on " + readOn.get());
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void callsThatExhaustTheJvmAreAnsweredAsFailuresAndQuarantineTheExtension() throws Exception {
        ActiveExtension extension = extension((m, in, ctx) -> {
            if (in.get("text").equals("memory")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return Map.of("words", recurse(0));
        });
        for (String text : List.of("memory", "stack", "memory")) {
            HostProblem problem = assertThrows(HostProblem.class,
                    () -> invoker.invoke(extension, "word_count", Map.of("text", text)));
            assertEquals(502, problem.status(), problem.getMessage());
            assertEquals("extension-failed", problem.type());
        }
        HostProblem next = assertThrows(HostProblem.class,
                () -> invoker.invoke(extension, "word_count", Map.of("text", "a")));
        assertEquals(409, next.status(), next.getMessage());
        assertTrue(extension.runtime().quarantine().orElseThrow().reason().contains("quarantined after 3 invocations"
                + " timed out or ended in a VirtualMachineError, the last in java.lang.OutOfMemoryError"), next.getMessage());
    }
}
