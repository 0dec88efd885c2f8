package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

class FeaturesParserTest {

    private static List<Feature> parse(String xml) {
        return FeaturesParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test-features.xml");
    }

    private static String failure(String xml) {
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> parse(xml));
        assertEquals(StartFailure.INVALID_FEATURES, e.failure());
        return e.getMessage();
    }

    @Test
    void readsFeaturesNestedReferencesAndBundleAttributes() {
        List<Feature> features = parse("""
                <features name="x" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="base" version="1.0">
                    <bundle start-level="5">mvn:org.osgi/org.osgi.util.function/1.2.0</bundle>
                    <bundle start="false"> mvn:g/lib/2/jar/tests </bundle>
                  </feature>
                  <feature name="top">
                    <feature>base</feature>
                    <bundle>mvn:g/a/1</bundle>
                  </feature>
                </features>
                """);
        assertEquals(2, features.size());
        Feature base = features.get(0);
        assertEquals("base", base.name());
        assertEquals("1.0", base.version());
        assertEquals(List.of(
                new FeatureBundle(new MavenLink("org.osgi", "org.osgi.util.function", "1.2.0", "jar", null), 5, true),
                new FeatureBundle(new MavenLink("g", "lib", "2", "jar", "tests"), FeatureBundle.DEFAULT_START_LEVEL, false)),
                base.bundles());
        Feature top = features.get(1);
        assertEquals(List.of("base"), top.features());
        assertEquals("", top.version());
        assertEquals(80, top.bundles().get(0).startLevel());
        assertEquals("test-features.xml", top.source());
    }

    @Test
    void acceptsDocumentsWithoutNamespace() {
        assertEquals("a", parse("<features><feature name='a'/></features>").get(0).name());
    }

    @Test
    void refusesUnsupportedElementsInsideAFeature() {
        assertEquals("features file test-features.xml: feature a has a <config> element, which Palisade does not support;"
                + " only nested <feature> and <bundle> are",
                failure("<features><feature name='a'><config name='x'>k=v</config></feature></features>"));
    }

    @Test
    void refusesRepositoryElements() {
        assertEquals("features file test-features.xml: <repository> is not supported; list every features file in"
                + " palisade.features.repositories",
                failure("<features><repository>mvn:g/a/1/xml/features</repository></features>"));
    }

    @Test
    void refusesAWrongRootElement() {
        assertEquals("features file test-features.xml: the root element is <feature>, expected <features>",
                failure("<feature name='a'/>"));
    }

    @Test
    void refusesAFeatureWithoutName() {
        assertEquals("features file test-features.xml: a <feature> has no name attribute; every feature needs a unique name",
                failure("<features><feature/></features>"));
    }

    @Test
    void refusesDuplicateFeatureNames() {
        assertEquals("features file test-features.xml: feature a is defined twice; give each feature a unique name",
                failure("<features><feature name='a'/><feature name='a'/></features>"));
    }

    @Test
    void refusesABadStartLevel() {
        assertEquals("features file test-features.xml: feature a: bundle mvn:g/b/1 has start-level=\"0\";"
                + " write a whole number of 1 or more",
                failure("<features><feature name='a'><bundle start-level='0'>mvn:g/b/1</bundle></feature></features>"));
        assertEquals("features file test-features.xml: feature a: bundle mvn:g/b/1 has start-level=\"five\";"
                + " write a whole number of 1 or more",
                failure("<features><feature name='a'><bundle start-level='five'>mvn:g/b/1</bundle></feature></features>"));
    }

    @Test
    void refusesABadStartFlag() {
        assertEquals("features file test-features.xml: feature a: bundle mvn:g/b/1 has start=\"yes\"; write true or false",
                failure("<features><feature name='a'><bundle start='yes'>mvn:g/b/1</bundle></feature></features>"));
    }

    @Test
    void refusesUnknownBundleAttributes() {
        assertEquals("features file test-features.xml: a <bundle> of feature a has attribute dependency, which Palisade"
                + " does not support; allowed: start, start-level",
                failure("<features><feature name='a'><bundle dependency='true'>mvn:g/b/1</bundle></feature></features>"));
    }

    @Test
    void refusesLocationsThatAreNotMvnLinks() {
        assertEquals("features file test-features.xml: feature a: bundle location [file:/tmp/b.jar] is not an mvn: link;"
                + " write mvn:groupId/artifactId/version[/type[/classifier]]",
                failure("<features><feature name='a'><bundle>file:/tmp/b.jar</bundle></feature></features>"));
    }

    @Test
    void refusesAnEmptyNestedFeature() {
        assertEquals("features file test-features.xml: feature a has an empty nested <feature>; write the included feature's name",
                failure("<features><feature name='a'><feature> </feature></feature></features>"));
    }

    @Test
    void refusesMalformedXml() {
        String message = failure("<features><feature name='a'></features>");
        assertEquals(true, message.startsWith("features file test-features.xml: it is not well-formed XML: "), message);
    }

    @Test
    void refusesDoctypeDeclarations() {
        String message = failure("<!DOCTYPE features [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><features><feature name='&x;'/></features>");
        assertEquals(true, message.startsWith("features file test-features.xml: it is not well-formed XML: "), message);
        assertEquals(true, message.contains("DOCTYPE"), message);
    }
}
