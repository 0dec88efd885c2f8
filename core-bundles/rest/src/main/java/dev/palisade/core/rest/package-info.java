/**
 * The host's basic REST resources, registered as servlets with the HTTP whiteboard (DS components).
 *
 * <p>{@code GET /health} answers 503 {@code {"status":"starting"}} until the launcher's
 * {@link dev.palisade.host.bridge.HostStatus} says the host is ready, then 200 with version and start
 * time. Every path under {@code /api/} that no more specific servlet claims answers a 404
 * {@code application/problem+json} document, never the container's HTML error page. {@code GET /metrics}
 * serves every registered {@link dev.palisade.host.bridge.MetricSource} in the Prometheus text format,
 * with the host's own HTTP request counters. Private implementation package.
 */
package dev.palisade.core.rest;
