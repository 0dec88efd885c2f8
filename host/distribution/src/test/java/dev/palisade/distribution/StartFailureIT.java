package dev.palisade.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.host.Palisade;
import dev.palisade.host.PalisadeHost;
import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

/** Each way a start can fail ends in one typed exception with one clear line, and leaves nothing running. */
class StartFailureIT {

    @TempDir
    Path temp;

    private static PalisadeStartException failure(Palisade.Builder builder) {
        return assertThrows(PalisadeStartException.class, builder::start);
    }

    @Test
    void homeWithoutEtc() throws IOException {
        Path home = DistributionHome.copyInto(temp);
        Files.move(home.resolve("etc"), temp.resolve("etc-elsewhere"));
        PalisadeStartException e = failure(Palisade.builder().home(home));
        assertEquals(StartFailure.INVALID_HOME, e.failure());
        assertEquals("home folder " + home + " has no etc/ folder (settings (palisade.properties) and trust anchors);"
                + " pass the folder of an unpacked Palisade distribution", e.getMessage());
    }

    @Test
    void unknownBootFeature() {
        Path home = DistributionHome.copyInto(temp);
        PalisadeStartException e = failure(Palisade.builder().home(home).property("palisade.boot.features", "palisade-core,palisade-nope"));
        assertEquals(StartFailure.INVALID_FEATURES, e.failure());
        assertEquals("palisade.boot.features names feature palisade-nope, which no features file defines; known features:"
                + " palisade-core, palisade-framework, palisade-http, palisade-json, palisade-logging, palisade-protocol,"
                + " palisade-store", e.getMessage());
    }

    @Test
    void featureNamingABundleThatIsNotInSystem() throws IOException {
        Path home = DistributionHome.copyInto(temp);
        Path scr = home.resolve("system/org/apache/felix/org.apache.felix.scr/2.2.18/org.apache.felix.scr-2.2.18.jar");
        Files.delete(scr);
        PalisadeStartException e = failure(Palisade.builder().home(home).port(0));
        assertEquals(StartFailure.BUNDLE_NOT_FOUND, e.failure());
        assertEquals("a boot feature (palisade-core) names mvn:org.apache.felix/org.apache.felix.scr/2.2.18, which is not in"
                + " system/ (expected " + scr + "); add the artifact to the distribution or remove it from the feature", e.getMessage());
    }

    @Test
    void bundleThatDoesNotResolveIsNamedWithItsMissingRequirement() throws IOException {
        Path home = DistributionHome.copyInto(temp);
        Path features = home.resolve("system/test/broken/1/broken-1-features.xml");
        Files.createDirectories(features.getParent());
        Files.writeString(features, """
                <features name="broken">
                  <feature name="scr-alone">
                    <bundle start-level="10">mvn:org.apache.felix/org.apache.felix.scr/2.2.18</bundle>
                  </feature>
                </features>
                """);
        PalisadeStartException e = failure(Palisade.builder().home(home).port(0)
                .property("palisade.features.repositories", "mvn:test/broken/1/xml/features")
                .property("palisade.boot.features", "scr-alone"));
        assertEquals(StartFailure.BUNDLE_NOT_STARTED, e.failure());
        String message = e.getMessage();
        assertTrue(message.startsWith("boot bundle org.apache.felix.scr 2.2.18 ["), message);
        assertTrue(message.contains("(mvn:org.apache.felix/org.apache.felix.scr/2.2.18) did not start: missing requirement "), message);
        assertTrue(message.contains("osgi.wiring.package; (&(osgi.wiring.package=org.osgi."), message);
        assertTrue(message.endsWith("; add a bundle that provides it to a boot feature (features.xml) and to system/"), message);
        assertEquals(-1, message.indexOf('\n'), message);
        startsAgainOnTheSameHome(home);
    }

    @Test
    void portInUse() throws IOException {
        Path home = DistributionHome.copyInto(temp);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            int port = taken.getLocalPort();
            PalisadeStartException e = failure(Palisade.builder().home(home).port(port));
            assertEquals(StartFailure.PORT_IN_USE, e.failure());
            assertTrue(e.getMessage().startsWith("port " + port + " on 127.0.0.1 is in use ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("); stop what holds it or choose another port (--port N, or 0 for any free port)"),
                    e.getMessage());
        }
    }

    @Test
    void serviceThatNeverAppears() {
        Path home = DistributionHome.copyInto(temp);
        PalisadeStartException e = failure(Palisade.builder().home(home).port(0)
                .property("palisade.boot.features", "palisade-framework")
                .property("palisade.ready.services", "com.example.Missing")
                .property("palisade.start.timeout.seconds", "1"));
        assertEquals(StartFailure.NOT_READY, e.failure());
        assertEquals("service com.example.Missing did not appear within 1 s; see the log for the bundle that should register it,"
                + " or raise palisade.start.timeout.seconds", e.getMessage());
        startsAgainOnTheSameHome(home);
    }

    @Test
    void unreachableDatabaseFailsTheStartWithTheStoresLine() {
        Path home = DistributionHome.copyInto(temp);
        int closed = DistributionHome.freePort();
        long start = System.nanoTime();
        PalisadeStartException e = failure(Palisade.builder().home(home).port(0)
                .property("palisade.db.url", "jdbc:postgresql://127.0.0.1:" + closed + "/palisade")
                .property("palisade.db.user", "app"));
        assertEquals(StartFailure.SERVICE_FAILED, e.failure());
        assertEquals("cannot open the store: POSTGRESQL database jdbc:postgresql://127.0.0.1:" + closed + "/palisade as user"
                + " app is unreachable (Connection to 127.0.0.1:" + closed + " refused. Check that the hostname and port are"
                + " correct and that the postmaster is accepting TCP/IP connections.); start the database or fix"
                + " palisade.db.url, palisade.db.user and PALISADE_DB_PASSWORD", e.getMessage());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 30, "the start took " + seconds + " s to fail, not the store's fail-fast time");
        startsAgainOnTheSameHome(home);
    }

    @Test
    void secondHostOnAHomeInUse() {
        Path home = DistributionHome.copyInto(temp);
        try (PalisadeHost first = Palisade.builder().home(home).port(0).start()) {
            PalisadeStartException e = failure(Palisade.builder().home(home).port(0));
            assertEquals(StartFailure.HOME_IN_USE, e.failure());
            assertEquals("home folder " + home + " is in use by another Palisade host (" + home.resolve("data/palisade.lock")
                    + " is locked); stop that host or use another home", e.getMessage());
            assertTrue(first.ready());
            assertEquals(1, first.extensions().size());
        }
        startsAgainOnTheSameHome(home);
    }

    /** After a failed start nothing holds the framework cache: a good start on the same home works. */
    private static void startsAgainOnTheSameHome(Path home) {
        try (PalisadeHost host = Palisade.builder().home(home).port(0)
                .property("palisade.features.repositories", "mvn:dev.palisade/palisade-features/0.1.0-SNAPSHOT/xml/features")
                .property("palisade.boot.features", "palisade-http")
                .property("palisade.ready.services", "org.osgi.service.servlet.runtime.HttpServiceRuntime").start()) {
            assertTrue(host.ready());
            assertTrue(host.port() > 0);
        }
    }
}
