package dev.palisade.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/**
 * Reads the subset of the Karaf features XML that Palisade supports: a {@code <features>} root
 * holding {@code <feature name version>} elements, each holding nested {@code <feature>} references
 * by name and {@code <bundle start-level="N" start="true|false">mvn:...</bundle>} lines. Elements
 * are matched by local name, so any (or no) Karaf namespace is accepted. Anything else is refused
 * with a message naming the element, rather than silently ignored. DTDs and external entities are
 * refused.
 */
public final class FeaturesParser {

    private static final Set<String> BUNDLE_ATTRIBUTES = Set.of("start-level", "start");
    private static final Set<String> FEATURE_ATTRIBUTES = Set.of("name", "version", "description");

    private FeaturesParser() {
    }

    /**
     * @param in     the features XML; not closed
     * @param source a name for the file in error messages
     * @return the features in document order
     * @throws PalisadeStartException (INVALID_FEATURES) naming the file and what is wrong
     */
    public static List<Feature> parse(InputStream in, String source) {
        Document document = read(in, source);
        Element root = document.getDocumentElement();
        if (!"features".equals(localName(root))) {
            throw invalid(source, "the root element is <" + localName(root) + ">, expected <features>");
        }
        List<Feature> features = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Element child : children(root)) {
            String name = localName(child);
            if ("repository".equals(name)) {
                throw invalid(source, "<repository> is not supported; list every features file in palisade.features.repositories");
            }
            if (!"feature".equals(name)) {
                throw invalid(source, "<" + name + "> is not supported inside <features>; only <feature> is");
            }
            Feature feature = parseFeature(child, source);
            if (!names.add(feature.name())) {
                throw invalid(source, "feature " + feature.name() + " is defined twice; give each feature a unique name");
            }
            features.add(feature);
        }
        return features;
    }

    private static Feature parseFeature(Element element, String source) {
        String name = element.getAttribute("name").strip();
        if (name.isEmpty()) {
            throw invalid(source, "a <feature> has no name attribute; every feature needs a unique name");
        }
        checkAttributes(element, FEATURE_ATTRIBUTES, "feature " + name, source);
        List<String> included = new ArrayList<>();
        List<FeatureBundle> bundles = new ArrayList<>();
        for (Element child : children(element)) {
            String kind = localName(child);
            if ("feature".equals(kind)) {
                String reference = child.getTextContent().strip();
                if (reference.isEmpty()) {
                    throw invalid(source, "feature " + name + " has an empty nested <feature>; write the included feature's name");
                }
                included.add(reference);
            } else if ("bundle".equals(kind)) {
                bundles.add(parseBundle(child, name, source));
            } else {
                throw invalid(source, "feature " + name + " has a <" + kind
                        + "> element, which Palisade does not support; only nested <feature> and <bundle> are");
            }
        }
        return new Feature(name, element.getAttribute("version").strip(), included, bundles, source);
    }

    private static FeatureBundle parseBundle(Element element, String feature, String source) {
        checkAttributes(element, BUNDLE_ATTRIBUTES, "a <bundle> of feature " + feature, source);
        MavenLink link;
        try {
            link = MavenLink.parse(element.getTextContent());
        } catch (IllegalArgumentException e) {
            throw invalid(source, "feature " + feature + ": " + e.getMessage());
        }
        int startLevel = FeatureBundle.DEFAULT_START_LEVEL;
        String level = element.getAttribute("start-level").strip();
        if (!level.isEmpty()) {
            try {
                startLevel = Integer.parseInt(level);
            } catch (NumberFormatException e) {
                startLevel = 0;
            }
            if (startLevel < 1) {
                throw invalid(source, "feature " + feature + ": bundle " + link + " has start-level=\"" + level
                        + "\"; write a whole number of 1 or more");
            }
        }
        boolean start = true;
        String startText = element.getAttribute("start").strip();
        if (!startText.isEmpty()) {
            if (!"true".equals(startText) && !"false".equals(startText)) {
                throw invalid(source, "feature " + feature + ": bundle " + link + " has start=\"" + startText
                        + "\"; write true or false");
            }
            start = Boolean.parseBoolean(startText);
        }
        return new FeatureBundle(link, startLevel, start);
    }

    private static void checkAttributes(Element element, Set<String> allowed, String where, String source) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if (attribute.getName().startsWith("xmlns")) {
                continue;
            }
            if (!allowed.contains(name)) {
                throw invalid(source, where + " has attribute " + name + ", which Palisade does not support; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static Document read(InputStream in, String source) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXException e) {
            throw invalid(source, "it is not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw invalid(source, "it cannot be read: " + e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static PalisadeStartException invalid(String source, String message) {
        return new PalisadeStartException(StartFailure.INVALID_FEATURES, "features file " + source + ": " + message);
    }
}
