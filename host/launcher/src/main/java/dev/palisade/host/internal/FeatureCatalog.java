package dev.palisade.host.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * The features of every features file a host reads, by name, and the bundle list of a set of
 * features with nested features expanded.
 */
public final class FeatureCatalog {

    private final Map<String, Feature> features = new LinkedHashMap<>();

    /**
     * @param all the features of every file
     * @throws PalisadeStartException (INVALID_FEATURES) when two files define the same name
     */
    public FeatureCatalog(List<Feature> all) {
        for (Feature feature : all) {
            Feature earlier = features.putIfAbsent(feature.name(), feature);
            if (earlier != null) {
                throw new PalisadeStartException(StartFailure.INVALID_FEATURES, "feature " + feature.name()
                        + " is defined in " + earlier.source() + " and in " + feature.source() + "; rename one of them");
            }
        }
    }

    /**
     * Expands features into their bundles: each feature's included features first (depth first,
     * in document order), then its own bundles. A bundle named more than once is listed once, at
     * the lowest start level it was given, started if any line starts it.
     *
     * @param names the features to expand, such as the boot features
     * @return the bundles, in the order they are to be installed
     * @throws PalisadeStartException (INVALID_FEATURES) for an unknown feature name or a cycle
     */
    public List<FeatureBundle> bundlesOf(List<String> names) {
        Map<MavenLink, FeatureBundle> bundles = new LinkedHashMap<>();
        Set<String> done = new TreeSet<>();
        for (String name : names) {
            expand(name, "palisade.boot.features", new ArrayDeque<>(), done, bundles);
        }
        return new ArrayList<>(bundles.values());
    }

    private void expand(String name, String referrer, Deque<String> path, Set<String> done,
            Map<MavenLink, FeatureBundle> bundles) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path);
            cycle.subList(0, cycle.indexOf(name)).clear();
            cycle.add(name);
            throw new PalisadeStartException(StartFailure.INVALID_FEATURES,
                    "features include each other in a cycle: " + String.join(" -> ", cycle) + "; remove one of these references");
        }
        if (!done.add(name)) {
            return;
        }
        Feature feature = features.get(name);
        if (feature == null) {
            throw new PalisadeStartException(StartFailure.INVALID_FEATURES, referrer + " names feature " + name
                    + ", which no features file defines; known features: " + String.join(", ", new TreeSet<>(features.keySet())));
        }
        path.addLast(name);
        for (String included : feature.features()) {
            expand(included, "feature " + name, path, done, bundles);
        }
        path.removeLast();
        for (FeatureBundle bundle : feature.bundles()) {
            bundles.merge(bundle.link(), bundle, (a, b) -> new FeatureBundle(a.link(),
                    Math.min(a.startLevel(), b.startLevel()), a.start() || b.start()));
        }
    }
}
