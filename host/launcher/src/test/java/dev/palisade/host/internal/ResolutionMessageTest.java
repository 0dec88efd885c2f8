package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class ResolutionMessageTest {

    @Test
    void keepsTheMissingRequirementOnce() {
        BundleException e = new BundleException("Unable to resolve org.apache.felix.scr [1](R 1.0): missing requirement"
                + " [org.apache.felix.scr [1](R 1.0)] osgi.wiring.package; (osgi.wiring.package=org.osgi.util.promise)"
                + " Unresolved requirements: [[org.apache.felix.scr [1](R 1.0)] osgi.wiring.package; (osgi.wiring.package=org.osgi.util.promise)]",
                BundleException.RESOLVE_ERROR);
        assertEquals("missing requirement [org.apache.felix.scr [1](R 1.0)] osgi.wiring.package; (osgi.wiring.package=org.osgi.util.promise)",
                ResolutionMessage.summarize(e));
    }

    @Test
    void namesTheRootCauseOfOtherFailuresOnOneLine() {
        BundleException e = new BundleException("Activator start error in bundle a [3].", BundleException.ACTIVATOR_ERROR,
                new IllegalStateException("wrapper", new java.io.FileNotFoundException("/x/y\n(No such file)")));
        assertEquals("Activator start error in bundle a [3]. caused by java.io.FileNotFoundException: /x/y (No such file)",
                ResolutionMessage.summarize(e));
    }

    @Test
    void aFailureWithoutCauseIsItsMessage() {
        assertEquals("Bundle is uninstalled", ResolutionMessage.summarize(new IllegalStateException("Bundle is uninstalled")));
    }
}
