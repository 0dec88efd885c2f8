package dev.palisade.host.bridge;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the other modules record trace spans: registered by the trace module. Thread-safe.
 */
@ProviderType
public interface TraceSink {

    /**
     * Validates every span against the MPLP Trace schema and stores them all, or none.
     *
     * @param spans MPLP Trace objects as plain JSON values
     * @throws HostProblem {@code schema-violation} (400) naming the span's index, the field and the rule;
     *                     {@code store-unavailable} (503)
     */
    void record(List<Map<String, Object>> spans);
}
