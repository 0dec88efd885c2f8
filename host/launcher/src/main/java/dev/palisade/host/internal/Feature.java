package dev.palisade.host.internal;

import java.util.List;

/**
 * One {@code <feature>} of a features file.
 *
 * @param name     the feature's name, unique across the features files a host reads
 * @param version  the feature's version attribute, or an empty string
 * @param features names of the features it includes, in document order
 * @param bundles  its own bundles, in document order
 * @param source   the features file it came from, for error messages
 */
public record Feature(String name, String version, List<String> features, List<FeatureBundle> bundles, String source) {

    public Feature {
        features = List.copyOf(features);
        bundles = List.copyOf(bundles);
    }
}
