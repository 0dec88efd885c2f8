package dev.palisade.sandbox.bench;

import dev.palisade.sandbox.scan.BytecodeScanner;
import dev.palisade.sandbox.scan.ScanReport;
import dev.palisade.sandbox.weaving.CallSiteWeaver;
import dev.palisade.sandbox.weaving.ForbiddenCodeException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark (c), the install-time cost: the deploy pipeline's bytecode scan of a whole jar
 * ({@link BytecodeScanner#scan}, entries inflated and read), and weaving every class of it as the
 * weaving hook does when the bundle's classes load ({@link CallSiteWeaver#weave}; a class with a
 * forbidden site is refused, which is counted). Scores are per jar; setup prints the class counts
 * to divide by (µs per class in docs/BENCHMARKS.md).
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests -pl sandbox -am verify} (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class ScanWeaveBenchmark {

    static final String EXTENSION = "bench-scan";

    @Param({"TEXT_TOOLS", "GENERATED", "JACKSON_DATABIND"})
    public BenchJars jar;

    private Path temp;
    private JarFile jarFile;
    private final List<byte[]> classFiles = new ArrayList<>();
    private final Set<String> own = new HashSet<>();
    private final CallSiteWeaver weaver = new CallSiteWeaver();
    private final BytecodeScanner scanner = new BytecodeScanner();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        temp = Files.createTempDirectory("palisade-bench-scan");
        jarFile = new JarFile(jar.build(temp).toFile());
        for (JarEntry entry : Collections.list(jarFile.entries())) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                own.add(name.substring(0, name.length() - ".class".length()));
                try (InputStream in = jarFile.getInputStream(entry)) {
                    classFiles.add(in.readAllBytes());
                }
            }
        }
        ScanReport report = scanner.scan(jarFile);
        int woven = 0;
        int refused = 0;
        for (byte[] classFile : classFiles) {
            try {
                woven += weaver.weave(classFile, EXTENSION, own::contains) == null ? 0 : 1;
            } catch (ForbiddenCodeException e) {
                refused++;
            }
        }
        long bytes = classFiles.stream().mapToLong(b -> b.length).sum();
        System.out.printf("%n[bench-c] jar %s: %d classes scanned, %d class files (%d KB), %d scan rows, %d classes"
                        + " rewritten, %d refused for forbidden sites, %d left as they were%n", jar, report.classes(),
                classFiles.size(), bytes / 1024, report.rows().size(), woven, refused,
                classFiles.size() - woven - refused);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        jarFile.close();
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The deploy pipeline's scan of the whole jar. */
    @Benchmark
    public ScanReport scanJar() {
        return scanner.scan(jarFile);
    }

    /** Every class of the jar through the weaver, as the hook does when each class loads. */
    @Benchmark
    public int weaveEveryClass() {
        int sum = 0;
        for (byte[] classFile : classFiles) {
            try {
                byte[] woven = weaver.weave(classFile, EXTENSION, own::contains);
                sum += woven == null ? 0 : woven.length;
            } catch (ForbiddenCodeException e) {
                sum++;
            }
        }
        return sum;
    }
}
