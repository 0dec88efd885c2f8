package dev.palisade.core.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.palisade.host.bridge.Metric;

/**
 * Samples in the Prometheus text exposition format 0.0.4: samples grouped by name (sorted), one
 * {@code # HELP} and one {@code # TYPE} line per name (from its first sample), label values and help text
 * escaped. A sample with an invalid metric or label name, an unknown type, or a type other than its name's
 * first sample is left out, with a comment line saying so. Stateless.
 */
final class PrometheusText {

    /** The content type of the format. */
    static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final List<String> TYPES = List.of("counter", "gauge");

    private PrometheusText() {
    }

    static String render(List<Metric> samples) {
        Map<String, List<Metric>> byName = new TreeMap<>();
        StringBuilder skipped = new StringBuilder();
        for (Metric m : samples) {
            String problem = problem(m);
            if (problem != null) {
                skipped.append("# skipped a sample: ").append(problem).append('\n');
            } else {
                byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
            }
        }
        StringBuilder out = new StringBuilder();
        byName.forEach((name, list) -> {
            Metric first = list.get(0);
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(first.help())).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(first.type()).append('\n');
            for (Metric m : list) {
                if (!m.type().equals(first.type())) {
                    out.append("# skipped a sample: ").append(name).append(" is a ").append(first.type())
                            .append(", this sample says ").append(m.type()).append('\n');
                } else {
                    out.append(name).append(labels(m.labels())).append(' ').append(value(m.value())).append('\n');
                }
            }
        });
        return out.append(skipped).toString();
    }

    private static String problem(Metric m) {
        if (m.name() == null || !METRIC_NAME.matcher(m.name()).matches()) {
            return "invalid metric name '" + m.name() + "'";
        }
        if (!TYPES.contains(m.type())) {
            return m.name() + " has an unknown type '" + m.type() + "'";
        }
        for (String label : m.labels().keySet()) {
            if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                return m.name() + " has an invalid label name '" + label + "'";
            }
        }
        return null;
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(labels).forEach((k, v) -> out.append(out.length() == 1 ? "" : ",").append(k).append("=\"")
                .append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append('"'));
        return out.append('}').toString();
    }

    private static String escapeHelp(String help) {
        return help == null ? "" : help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** @return {@code labels} as an ordered map, for building samples */
    static Map<String, String> labelsOf(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }
}
