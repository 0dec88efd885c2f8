package dev.palisade.host.bridge;

import java.util.Map;

/**
 * One sample for the host's metrics endpoint (Prometheus text format).
 *
 * @param name   the metric's name ({@code palisade_contexts_created_total})
 * @param help   one line saying what it counts
 * @param type   {@code counter} or {@code gauge}
 * @param labels label names and values; empty for none
 * @param value  the current value
 */
public record Metric(String name, String help, String type, Map<String, String> labels, double value) {
}
