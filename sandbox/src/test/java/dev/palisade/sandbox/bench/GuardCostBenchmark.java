package dev.palisade.sandbox.bench;

import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.bench.FixtureLoader.Variant;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.policy.DecisionPoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark (a), the guard's cost: {@link ReadGrantedFile} reads a 4 KB file that the extension is
 * granted ({@code file.read} on its data folder), once as the sandbox weaves it (the call is replaced by
 * {@code FileOpens.readAllBytes}, which resolves the path, {@code ..} and links included, asks the decision
 * point and opens the file without following a link in the last place) and once loaded without the sandbox. Same JVM, same file; report the ratio {@code woven / unwoven}.
 *
 * <p>Run: {@code mvn -B -Pbench -DskipTests -pl sandbox -am verify} (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class GuardCostBenchmark {

    static final String EXTENSION = "bench-guard";
    static final int FILE_SIZE = 4096;

    private Path temp;
    private Path granted;
    private Path nested;
    private Grants grants;
    private Function<Path, byte[]> woven;
    private Function<Path, byte[]> unwoven;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        temp = Files.createTempDirectory("palisade-bench-guard").toRealPath();
        Path data = Files.createDirectories(temp.resolve("extensions").resolve(EXTENSION).resolve("files"));
        granted = data.resolve("granted.bin");
        byte[] content = new byte[FILE_SIZE];
        new Random(42).nextBytes(content);
        Files.write(granted, content);
        nested = Files.write(Files.createDirectories(data.resolve("reports").resolve("2026")).resolve("granted.bin"),
                content);
        Path ungranted = Files.write(temp.resolve("ungranted.bin"), content);

        grants = Grants.of(data, List.of(Permission.parse("file.read", "**")));
        DecisionPoint.install(new GrantingPolicy(EXTENSION, grants));
        woven = FixtureLoader.create(Variant.WOVEN, EXTENSION);
        unwoven = FixtureLoader.create(Variant.UNWOVEN, EXTENSION);

        // The comparison means something only if the guard is really in force in one and absent in the other.
        require(Arrays.equals(content, woven.apply(granted)), "the woven fixture reads the granted file");
        require(Arrays.equals(content, woven.apply(nested)), "the woven fixture reads the granted nested file");
        require(Arrays.equals(content, unwoven.apply(ungranted)), "the unwoven fixture reads anything");
        try {
            woven.apply(ungranted);
            throw new IllegalStateException("the woven fixture read " + ungranted + ", which is not granted");
        } catch (SandboxViolation expected) {
            require(expected.permission().equals("file.read"), "the denial names file.read: " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(temp)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Baseline: the class as compiled, no sandbox. */
    @Benchmark
    public byte[] unwoven() {
        return unwoven.apply(granted);
    }

    /** The class as the weaving hook defines it in an extension bundle. */
    @Benchmark
    public byte[] woven() {
        return woven.apply(granted);
    }

    /** Baseline of the nested read: a granted file two folders below the granted folder, no sandbox. */
    @Benchmark
    public byte[] unwovenNested() {
        return unwoven.apply(nested);
    }

    /** The nested read woven: each of the two folders below the granted folder costs a look-up for links. */
    @Benchmark
    public byte[] wovenNested() {
        return woven.apply(nested);
    }

    /** Where the difference goes: the check the woven read makes before it opens the file, alone. */
    @Benchmark
    public boolean checkOnly() {
        return grants.mayRead(grants.resolveForOpening(granted));
    }

    /** Where the difference goes: resolving the path for opening (all elements but the last), alone. */
    @Benchmark
    public Path resolveOnly() {
        return grants.resolveForOpening(granted);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark (a) setup failed: " + what);
        }
    }
}
