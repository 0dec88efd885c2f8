package dev.palisade.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.palisade.host.bridge.Metric;
import dev.palisade.host.bridge.MetricSource;

/**
 * A module's business counters ({@code palisade_contexts_created_total}), served by the host's metrics
 * endpoint once registered as a {@link MetricSource} service. Counters are created on first use with the
 * help text given then. Thread-safe.
 */
public final class Counters implements MetricSource {

    private record Key(String name, Map<String, String> labels) {
    }

    private record Counter(String help, LongAdder value) {
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    /** Adds one to the counter {@code name} with no labels. */
    public void increment(String name, String help) {
        add(name, help, Map.of(), 1);
    }

    /**
     * @param name   a Prometheus metric name ending in {@code _total}
     * @param labels label names and values (at most a handful of values each: never ids)
     */
    public void add(String name, String help, Map<String, String> labels, long amount) {
        counters.computeIfAbsent(new Key(name, Map.copyOf(labels)), k -> new Counter(help, new LongAdder()))
                .value().add(amount);
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        counters.forEach((key, counter) -> out.add(new Metric(key.name(), counter.help(), "counter", key.labels(),
                counter.value().sum())));
        return out;
    }
}
