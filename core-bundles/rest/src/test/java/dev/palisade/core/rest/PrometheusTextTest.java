package dev.palisade.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.host.bridge.Metric;

class PrometheusTextTest {

    @Test
    void groupsByNameWithHelpAndTypeOnceAndEscapesLabels() {
        String text = PrometheusText.render(List.of(
                new Metric("palisade_b_total", "B things\nsecond line", "counter", Map.of("k", "a\"b\\c\nd"), 2),
                new Metric("palisade_a_total", "A things", "counter", Map.of(), 1),
                new Metric("palisade_b_total", "ignored help", "counter", Map.of("z", "1", "k", "x"), 0.5)));
        assertEquals("# HELP palisade_a_total A things\n"
                + "# TYPE palisade_a_total counter\n"
                + "palisade_a_total 1\n"
                + "# HELP palisade_b_total B things\\nsecond line\n"
                + "# TYPE palisade_b_total counter\n"
                + "palisade_b_total{k=\"a\\\"b\\\\c\\nd\"} 2\n"
                + "palisade_b_total{k=\"x\",z=\"1\"} 0.5\n", text);
    }

    @Test
    void leavesOutInvalidSamplesAndSaysSo() {
        String text = PrometheusText.render(List.of(
                new Metric("bad name", "x", "counter", Map.of(), 1),
                new Metric("ok_total", "x", "counter", Map.of("bad-label", "v"), 1),
                new Metric("ok_total", "x", "summary", Map.of(), 1),
                new Metric("g", "gauge", "gauge", Map.of(), 3),
                new Metric("g", "gauge", "counter", Map.of(), 4)));
        assertEquals("# HELP g gauge\n"
                + "# TYPE g gauge\n"
                + "g 3\n"
                + "# skipped a sample: g is a gauge, this sample says counter\n"
                + "# skipped a sample: invalid metric name 'bad name'\n"
                + "# skipped a sample: ok_total has an invalid label name 'bad-label'\n"
                + "# skipped a sample: ok_total has an unknown type 'summary'\n", text);
    }

    @Test
    void writesSpecialValuesAsPrometheusDoes() {
        assertEquals("NaN", PrometheusText.value(Double.NaN));
        assertEquals("+Inf", PrometheusText.value(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusText.value(Double.NEGATIVE_INFINITY));
        assertEquals("42", PrometheusText.value(42.0));
        assertEquals("1.0E20", PrometheusText.value(1e20));
        assertEquals("0.25", PrometheusText.value(0.25));
    }
}
