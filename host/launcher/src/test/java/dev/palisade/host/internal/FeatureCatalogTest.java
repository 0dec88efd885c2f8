package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

class FeatureCatalogTest {

    private static FeatureBundle bundle(String artifact, int level, boolean start) {
        return new FeatureBundle(new MavenLink("g", artifact, "1", "jar", null), level, start);
    }

    private static Feature feature(String name, List<String> included, FeatureBundle... bundles) {
        return new Feature(name, "1", included, List.of(bundles), "f.xml");
    }

    @Test
    void expandsIncludedFeaturesFirstAndListsEachBundleOnce() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(
                feature("framework", List.of(), bundle("scr", 10, true)),
                feature("logging", List.of(), bundle("slf4j", 7, true)),
                feature("json", List.of("logging"), bundle("jackson", 15, true)),
                feature("core", List.of("framework", "logging", "json"), bundle("rest", 40, true), bundle("slf4j", 3, false))));
        assertEquals(List.of(bundle("scr", 10, true), bundle("slf4j", 3, true), bundle("jackson", 15, true), bundle("rest", 40, true)),
                catalog.bundlesOf(List.of("core")));
    }

    @Test
    void expandsSeveralBootFeaturesInOrder() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(
                feature("a", List.of(), bundle("x", 5, true)),
                feature("b", List.of("a"), bundle("y", 6, true))));
        assertEquals(List.of(bundle("x", 5, true), bundle("y", 6, true)), catalog.bundlesOf(List.of("b", "a")));
    }

    @Test
    void namesAnUnknownBootFeatureAndTheKnownOnes() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(feature("b", List.of()), feature("a", List.of())));
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> catalog.bundlesOf(List.of("core")));
        assertEquals(StartFailure.INVALID_FEATURES, e.failure());
        assertEquals("palisade.boot.features names feature core, which no features file defines; known features: a, b", e.getMessage());
    }

    @Test
    void namesTheFeatureThatIncludesAnUnknownOne() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(feature("core", List.of("missing"))));
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> catalog.bundlesOf(List.of("core")));
        assertEquals("feature core names feature missing, which no features file defines; known features: core", e.getMessage());
    }

    @Test
    void reportsACycleWithItsPath() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(
                feature("top", List.of("a")),
                feature("a", List.of("b")),
                feature("b", List.of("c")),
                feature("c", List.of("a"))));
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> catalog.bundlesOf(List.of("top")));
        assertEquals(StartFailure.INVALID_FEATURES, e.failure());
        assertEquals("features include each other in a cycle: a -> b -> c -> a; remove one of these references", e.getMessage());
    }

    @Test
    void reportsAFeatureThatIncludesItself() {
        FeatureCatalog catalog = new FeatureCatalog(List.of(feature("a", List.of("a"))));
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> catalog.bundlesOf(List.of("a")));
        assertEquals("features include each other in a cycle: a -> a; remove one of these references", e.getMessage());
    }

    @Test
    void refusesTheSameFeatureNameInTwoFiles() {
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> new FeatureCatalog(List.of(
                new Feature("a", "1", List.of(), List.of(), "one.xml"),
                new Feature("a", "1", List.of(), List.of(), "two.xml"))));
        assertEquals("feature a is defined in one.xml and in two.xml; rename one of them", e.getMessage());
    }
}
