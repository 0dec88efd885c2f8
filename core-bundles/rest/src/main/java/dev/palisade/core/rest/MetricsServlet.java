package dev.palisade.core.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.palisade.host.bridge.Metric;
import dev.palisade.host.bridge.MetricSource;
import dev.palisade.web.ApiServlet;
import dev.palisade.web.Problems;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: every registered {@link MetricSource}'s samples in the Prometheus text format
 * ({@link PrometheusText}), read afresh on each scrape. A source that throws is left out of that scrape
 * (logged, with a comment line in the answer); the others are served.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=palisade-metrics" })
public final class MetricsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(MetricsServlet.class.getName());

    private final transient List<MetricSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricSource source) {
        sources.add(source);
    }

    void removeSource(MetricSource source) {
        sources.remove(source);
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            throw Problems.methodNotAllowed(request.getMethod(), pathOf(request), "GET");
        }
        List<Metric> samples = new ArrayList<>();
        StringBuilder failures = new StringBuilder();
        for (MetricSource source : sources) {
            try {
                samples.addAll(source.metrics());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "metric source " + source.getClass().getName() + " failed", e);
                failures.append("# left out ").append(source.getClass().getName()).append(": ")
                        .append(String.valueOf(e).replace('\n', ' ')).append('\n');
            }
        }
        byte[] body = (PrometheusText.render(samples) + failures).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(PrometheusText.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
