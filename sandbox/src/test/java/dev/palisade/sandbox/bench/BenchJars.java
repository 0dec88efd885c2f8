package dev.palisade.sandbox.bench;

import dev.palisade.api.extension.Plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The jars benchmark (c) scans and weaves, built or found at setup (public: JMH sets it as a parameter). */
public enum BenchJars {

    /** The sample extension (extension-samples/text-tools), compiled from its sources with --release 17. */
    TEXT_TOOLS {
        @Override
        Path build(Path dir) {
            Path sources = Path.of("../extension-samples/text-tools/src/main/java");
            if (!Files.isDirectory(sources)) {
                throw new IllegalStateException("sample sources missing at " + sources.toAbsolutePath()
                        + "; run the benchmark from the sandbox folder (mvn -pl sandbox does)");
            }
            return compileAndPack(sources, dir.resolve("text-tools"));
        }
    },

    /**
     * {@value #GENERATED_CLASSES} generated extension classes of ordinary code (string building,
     * collections, a loop), half of them with a guarded call (file read, file write or property read).
     */
    GENERATED {
        @Override
        Path build(Path dir) {
            Path sources = dir.resolve("generated-sources");
            for (int i = 0; i < GENERATED_CLASSES; i++) {
                write(sources.resolve("bench/gen/Generated" + i + ".java"), generatedSource(i));
            }
            return compileAndPack(sources, dir.resolve("generated"));
        }
    },

    /**
     * A real library: jackson-databind, as on the test class path. It uses reflection throughout, so
     * many of its classes have forbidden sites: the scan reports them and the weaver refuses them.
     */
    JACKSON_DATABIND {
        @Override
        Path build(Path dir) {
            try {
                return Path.of(ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot locate the jackson-databind jar", e);
            }
        }
    };

    static final int GENERATED_CLASSES = 500;

    /** @return the jar, built under {@code dir} when it is built */
    abstract Path build(Path dir);

    private static String generatedSource(int i) {
        String guarded = switch (i % 6) {
            case 0 -> """
                    public String load(java.nio.file.Path file) throws java.io.IOException {
                        return java.nio.file.Files.readString(file);
                    }
                    """;
            case 1 -> """
                    public void save(java.nio.file.Path file, String text) throws java.io.IOException {
                        java.nio.file.Files.writeString(file, text);
                    }
                    """;
            case 2 -> """
                    public String setting() {
                        return System.getProperty("bench.setting.%d", "none");
                    }
                    """.formatted(i);
            default -> "";
        };
        return """
                package bench.gen;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import java.util.TreeMap;

                public final class Generated%1$d {
                    private final Map<String, Integer> counts = new TreeMap<>();
                    private final List<String> seen = new ArrayList<>();

                    public int add(String word) {
                        seen.add(word);
                        return counts.merge(word.toLowerCase(), 1, Integer::sum);
                    }

                    public String summary() {
                        StringBuilder out = new StringBuilder("Generated%1$d:");
                        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                            if (entry.getValue() > 1) {
                                out.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
                            }
                        }
                        return out.toString();
                    }

                    public long checksum() {
                        long sum = %1$d;
                        for (String word : seen) {
                            sum = sum * 31 + word.hashCode();
                        }
                        return sum;
                    }
                %2$s}
                """.formatted(i, guarded);
    }

    static Path compileAndPack(Path sources, Path out) {
        Path classes = out.resolve("classes");
        Path jar = out.resolve(out.getFileName() + ".jar");
        try {
            Files.createDirectories(classes);
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-g", "-proc:none",
                    "-d", classes.toString(), "-cp", location(Plugin.class).toString()));
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("cannot compile the benchmark jar's sources in " + sources);
            }
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(path));
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
