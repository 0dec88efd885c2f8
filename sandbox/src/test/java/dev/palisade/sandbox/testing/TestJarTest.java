package dev.palisade.sandbox.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;
import dev.palisade.sandbox.trust.JarSignatureVerifier;
import dev.palisade.sandbox.trust.TrustStore;
import dev.palisade.sandbox.trust.VerifiedSigner;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJarTest {

    @TempDir
    Path dir;

    @Test
    void packsAClassWithItsNestedClassesAndTheManifestHeaders() throws Exception {
        Path jar = TestJar.plugin("com.example.wc", "1.0.0").addClass(WordCountPlugin.class)
                .header("Bundle-Name", "Word count").header("Import-Package", null)
                .writeTo(dir.resolve("wc.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertNotNull(file.getEntry("dev/palisade/sandbox/testing/fixtures/WordCountPlugin.class"));
            assertNotNull(file.getEntry("dev/palisade/sandbox/testing/fixtures/WordCountPlugin$Counter.class"));
            assertEquals("2", file.getManifest().getMainAttributes().getValue("Bundle-ManifestVersion"));
            assertEquals("com.example.wc", file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
            assertEquals("Word count", file.getManifest().getMainAttributes().getValue("Bundle-Name"));
            assertNull(file.getManifest().getMainAttributes().getValue("Import-Package"));
        }
    }

    @Test
    void loadsAPublisherFromPkcs12() throws Exception {
        TestPublisher ca = TestPublisher.selfSignedCa("P12 CA");
        TestPublisher publisher = TestPublisher.issuedBy(ca, "P12 Publisher");
        char[] password = "secret".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("me", publisher.privateKey(), password, publisher.chain().toArray(new Certificate[0]));
        Path file = dir.resolve("me.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        TestPublisher loaded = TestPublisher.load(file, password, "me");

        assertEquals(publisher.chain(), loaded.chain());
        assertEquals(publisher.privateKey(), loaded.privateKey());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestPublisher.load(file, password, "other"));
        assertEquals(file + " has no key entry named other", e.getMessage());
    }

    /** The lead's sample key must sign jars that a host trusting sample-ca.pem accepts. */
    @Test
    void theSamplePublisherKeySignsJarsTheSampleCaVouchesFor() throws Exception {
        Path keys = Path.of("../extension-samples/keys");
        assumeTrue(Files.exists(keys.resolve("sample-publisher.p12")), "sample keys not in this checkout");
        TestPublisher publisher = TestPublisher.load(keys.resolve("sample-publisher.p12"),
                "palisade-sample".toCharArray(), "sample-publisher");
        assertEquals(2, publisher.chain().size());
        Path trust = Files.createDirectory(dir.resolve("trust"));
        Files.copy(keys.resolve("sample-ca.pem"), trust.resolve("sample-ca.pem"));
        Path jar = TestJar.plugin("com.example.wc", "1.0.0").addClass(WordCountPlugin.class)
                .signedTo(dir.resolve("sample.jar"), publisher);

        VerifiedSigner signer = new JarSignatureVerifier(TrustStore.load(trust), Clock.systemUTC()).verify(jar);

        assertEquals(publisher.certificate(), signer.certificate());
    }
}
