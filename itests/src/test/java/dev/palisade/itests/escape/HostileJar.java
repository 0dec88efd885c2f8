package dev.palisade.itests.escape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.palisade.itests.escape.hostile.Attack;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;

/**
 * One extension jar of the escape suite, built in code around a fixture class: a fresh id, a
 * descriptor with its methods (each taking and returning any object), the permissions it requests, its
 * sandbox level (basic, or strict with a memory limit),
 * extra manifest headers and entries. It imports the extension and capability API packages unless a
 * test replaces Import-Package. Not thread-safe.
 */
final class HostileJar {

    private final String name;
    private final Class<?> entry;
    private final String id = UUID.randomUUID().toString();
    private final List<Class<?>> classes = new ArrayList<>();
    private final List<String[]> permissions = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private List<String> methods = List.of("attack");
    private Long timeoutMs;
    private String memoryLimit;

    private HostileJar(String name, Class<?> entry) {
        this.name = name;
        this.entry = entry;
        headers.put("Import-Package", "dev.palisade.api.extension,dev.palisade.api.capability");
        classes.add(entry);
        if (Attack.class.isAssignableFrom(entry) && entry != Attack.class) {
            classes.add(Attack.class);
        }
    }

    /** @return a jar named {@code name} (extension name and jar file name) whose entry point is {@code entry} */
    static HostileJar of(String name, Class<?> entry) {
        return new HostileJar(name, entry);
    }

    String name() {
        return name;
    }

    String id() {
        return id;
    }

    /** Requests a permission in the descriptor; {@code target} null for kinds without one. */
    HostileJar permission(String kind, String target) {
        permissions.add(new String[] {kind, target});
        return this;
    }

    /** @return whether the descriptor requests any permission */
    boolean requestsPermissions() {
        return !permissions.isEmpty();
    }

    /** Sets a main manifest header; {@code null} removes it. */
    HostileJar header(String header, String value) {
        headers.put(header, value);
        return this;
    }

    /** Adds a jar entry. */
    HostileJar entry(String path, byte[] content) {
        entries.put(path, content.clone());
        return this;
    }

    /** Adds a class (and its nested classes) beside the entry class. */
    HostileJar addClass(Class<?> type) {
        classes.add(type);
        return this;
    }

    /** Replaces the descriptor's method list (default: attack). */
    HostileJar methods(String... names) {
        methods = List.of(names);
        return this;
    }

    /** Sets implementation.configuration.timeout_ms. */
    HostileJar timeoutMs(long millis) {
        timeoutMs = millis;
        return this;
    }

    /**
     * Makes it a {@code sandbox_level: "strict"} plugin, run in a child JVM with a heap of {@code memoryLimit}
     * (implementation.configuration.memory_limit, such as "32m").
     */
    HostileJar strict(String memoryLimit) {
        this.memoryLimit = memoryLimit;
        return this;
    }

    /** @return the jar, signed by {@code publisher}, written to {@code dir}/{name}.jar */
    Path signedTo(Path dir, TestPublisher publisher) {
        TestJar jar = TestJar.plugin("dev.palisade.escape." + name, "1.0.0").descriptor(descriptor());
        classes.forEach(jar::addClass);
        headers.forEach(jar::header);
        entries.forEach(jar::entry);
        return jar.signedTo(dir.resolve(name + ".jar"), publisher);
    }

    String descriptor() {
        String schemas = methods.stream().map(m -> "\"" + m + "\": {\"type\": \"object\"}")
                .collect(Collectors.joining(", "));
        String requested = permissions.stream()
                .map(p -> p[1] == null ? "{\"permission\": \"" + p[0] + "\"}"
                        : "{\"permission\": \"" + p[0] + "\", \"target\": \"" + p[1] + "\"}")
                .collect(Collectors.joining(", "));
        List<String> settings = new ArrayList<>();
        if (timeoutMs != null) {
            settings.add("\"timeout_ms\": " + timeoutMs);
        }
        if (memoryLimit != null) {
            settings.add("\"memory_limit\": \"" + memoryLimit + "\"");
        }
        String configuration = settings.isEmpty() ? ""
                : ", \"configuration\": {" + String.join(", ", settings) + "}";
        return """
            {"id": "%s", "name": "%s", "version": "1.0.0", "type": "plugin",
             "interface": {"methods": [%s], "input_schema": {%s}, "output_schema": {%s}},
             "implementation": {"runtime": "java", "entry_point": "%s"%s},
             "security": {"permissions": [%s], "sandbox_level": "%s"}}
            """.formatted(id, name,
                methods.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(", ")), schemas,
                schemas, entry.getName(), configuration, requested, memoryLimit == null ? "basic" : "strict");
    }
}
