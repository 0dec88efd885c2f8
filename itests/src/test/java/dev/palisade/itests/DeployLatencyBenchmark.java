package dev.palisade.itests;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.bridge.HostProblem;

/**
 * Deploy latency: the signed sample jar written into deploy/ until its first successful call,
 * through the whole pipeline (stage, verify, check, install, start, switch); the same jar handed to
 * {@link PalisadeHost#deploy(Path)} (the pipeline without the folder watcher); and, as the
 * baseline, the same jar installed into a bare Felix with no checks at all and called. All run in
 * the same JVM in the same run; the report gives medians, p90 and the ratios to the baseline.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl itests -am -DskipTests verify}
 * (see docs/BENCHMARKS.md).
 */
public final class DeployLatencyBenchmark {

    private static final String ENTRY = "dev.palisade.samples.texttools.TextTools";
    private static final int WARMUP = 3;

    public static void main(String[] args) throws Exception {
        int deploys = Integer.getInteger("bench.deploys", 25);
        Path distribution = DistributionCopy.assembled();
        Path work = Files.createTempDirectory("palisade-bench");
        Path sampleJar = findSampleJar(distribution.resolve("deploy"));

        List<Long> folder = new ArrayList<>();
        List<Long> api = new ArrayList<>();
        measurePalisade(distribution, work.resolve("home"), sampleJar, deploys, folder, api);
        List<Long> bare = measureBareFelix(distribution, work.resolve("bare"), sampleJar, deploys);

        double bareMedian = median(bare);
        System.out.printf("deploys measured: %d each (after %d warm-up)%n", deploys, WARMUP);
        report("palisade, jar renamed into deploy/ -> first successful call", folder, bareMedian);
        report("palisade, PalisadeHost.deploy(jar) -> first successful call", api, bareMedian);
        report("bare felix, install + start + instantiate + call (no checks)", bare, bareMedian);
    }

    private static void report(String what, List<Long> nanos, double baselineMedian) {
        double median = median(nanos);
        System.out.printf("%-64s median %7.1f ms  p90 %7.1f ms  ratio to bare %5.1f%n", what, median,
                percentile(nanos, 0.9), median / baselineMedian);
    }

    /** Both entrances of the same host, alternating, so both see the same JVM and machine state. */
    private static void measurePalisade(Path distribution, Path home, Path jar, int deploys,
            List<Long> folder, List<Long> api) throws Exception {
        DistributionCopy.copyTo(home);
        try (Stream<Path> shipped = Files.list(home.resolve("deploy"))) {
            for (Path p : (Iterable<Path>) shipped::iterator) {
                Files.delete(p);
            }
        }
        try (PalisadeHost host = Palisade.builder().home(home).port(0).start()) {
            Path deployed = home.resolve("deploy").resolve("bench.jar");
            Path hidden = home.resolve("deploy").resolve(".bench.jar.tmp");
            for (int i = 0; i < WARMUP + deploys; i++) {
                Files.copy(jar, hidden, StandardCopyOption.REPLACE_EXISTING);
                long start = System.nanoTime();
                Files.move(hidden, deployed, StandardCopyOption.ATOMIC_MOVE);
                awaitFirstCall(host);
                long viaFolder = System.nanoTime() - start;
                Files.delete(deployed);
                awaitRemoval(host);

                start = System.nanoTime();
                host.deploy(jar);
                awaitFirstCall(host);
                long viaApi = System.nanoTime() - start;
                host.undeploy("text-tools");
                if (i >= WARMUP) {
                    folder.add(viaFolder);
                    api.add(viaApi);
                }
            }
        }
    }

    private static void awaitFirstCall(PalisadeHost host) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                host.invoke("text-tools", "word_count", Map.of("text", "one two"));
                return;
            } catch (HostProblem notYet) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("the sample did not answer within 30 s; deployments: "
                + host.deployments());
    }

    private static void awaitRemoval(PalisadeHost host) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (host.extensions().stream().anyMatch(e -> e.name().equals("text-tools"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sample was not removed within 30 s");
            }
            Thread.sleep(1);
        }
    }

    private static List<Long> measureBareFelix(Path distribution, Path storage, Path jar, int deploys)
            throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("org.osgi.framework.storage", storage.toString());
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework felix = factory.newFramework(config);
        felix.start();
        try {
            Path api = findApiBundle(distribution.resolve("system"));
            felix.getBundleContext().installBundle(api.toUri().toString()).start();
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < WARMUP + deploys; i++) {
                long start = System.nanoTime();
                Bundle bundle = felix.getBundleContext()
                        .installBundle("bench:" + i, Files.newInputStream(jar));
                bundle.start();
                callOnce(bundle);
                long elapsed = System.nanoTime() - start;
                if (i >= WARMUP) {
                    nanos.add(elapsed);
                }
                bundle.uninstall();
            }
            return nanos;
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    /** Creates the entry class and calls word_count, through reflection on the bundle's classes. */
    private static void callOnce(Bundle bundle) throws Exception {
        Class<?> entry = bundle.loadClass(ENTRY);
        Object plugin = entry.getConstructor().newInstance();
        Class<?> contextType = bundle.loadClass("dev.palisade.api.extension.InvocationContext");
        Object context = Proxy.newProxyInstance(contextType.getClassLoader(),
                new Class<?>[] {contextType}, (proxy, method, args) -> "bench");
        Method invoke = entry.getMethod("invoke", String.class, Map.class, contextType);
        Object out = invoke.invoke(plugin, "word_count", Map.of("text", "one two"), context);
        if (!(out instanceof Map<?, ?> map) || !Integer.valueOf(2).equals(map.get("words"))) {
            throw new IllegalStateException("unexpected answer from the bare install: " + out);
        }
    }

    private static Path findSampleJar(Path deploy) throws IOException {
        try (Stream<Path> files = Files.list(deploy)) {
            return files.filter(p -> p.getFileName().toString().contains("text-tools"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no text-tools sample in " + deploy + "; build the distribution first"));
        }
    }

    private static Path findApiBundle(Path system) throws IOException {
        try (Stream<Path> files = Files.walk(system)) {
            return files.filter(p -> p.getFileName().toString().matches("palisade-api-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no palisade-api bundle under " + system));
        }
    }

    private static double median(List<Long> nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
