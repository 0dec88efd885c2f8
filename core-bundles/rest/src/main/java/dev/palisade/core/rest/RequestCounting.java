package dev.palisade.core.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

import dev.palisade.host.bridge.Metric;
import dev.palisade.host.bridge.MetricSource;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts every HTTP request the host answers, by method and status class: {@code palisade_http_requests_total}
 * and {@code palisade_http_request_seconds_total} (time spent answering), served by {@code /metrics}. A
 * whiteboard filter over every path; thread-safe.
 */
@Component(service = { Filter.class, MetricSource.class }, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=palisade-request-counting" })
public final class RequestCounting implements Filter, MetricSource {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record Key(String method, String status) {
    }

    private record Totals(LongAdder requests, LongAdder nanos) {
    }

    private final Map<Key, Totals> totals = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String method = request instanceof HttpServletRequest http && METHODS.contains(http.getMethod())
                    ? http.getMethod() : "other";
            int status = response instanceof HttpServletResponse http ? http.getStatus() : 0;
            Totals t = totals.computeIfAbsent(new Key(method, status / 100 + "xx"),
                    k -> new Totals(new LongAdder(), new LongAdder()));
            t.requests().increment();
            t.nanos().add(System.nanoTime() - start);
        }
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> out = new java.util.ArrayList<>();
        totals.forEach((key, t) -> {
            Map<String, String> labels = PrometheusText.labelsOf("method", key.method(), "status", key.status());
            out.add(new Metric("palisade_http_requests_total", "HTTP requests answered", "counter", labels,
                    t.requests().sum()));
            out.add(new Metric("palisade_http_request_seconds_total", "Time spent answering HTTP requests",
                    "counter", labels, t.nanos().sum() / 1e9));
        });
        return out;
    }
}
