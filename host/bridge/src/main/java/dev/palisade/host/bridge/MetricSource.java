package dev.palisade.host.bridge;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the host that has metrics to show: registered as a service by each protocol module (and
 * other parts); the REST bundle's metrics endpoint reads every registered source on each scrape.
 * Implementations must be thread-safe and answer quickly, without I/O.
 */
@ConsumerType
public interface MetricSource {

    /** @return the current samples */
    List<Metric> metrics();
}
