package dev.palisade.sandbox.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palisade.sandbox.testing.TestPublisher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsAnEmptyStore() {
        TrustStore store = TrustStore.load(dir.resolve("no-such-folder"));
        assertTrue(store.isEmpty());
        assertEquals(List.of(), store.anchors());
    }

    @Test
    void loadsPemFilesWithSeveralCertificatesDerFilesAndIgnoresOtherFiles() throws Exception {
        TestPublisher first = TestPublisher.selfSignedCa("First CA");
        TestPublisher second = TestPublisher.selfSignedCa("Second CA");
        TestPublisher third = TestPublisher.selfSignedCa("Third CA");
        first.writeCertificatePem(dir.resolve("a.pem"));
        second.writeCertificatePem(dir.resolve("b-part.tmp"));
        Files.writeString(dir.resolve("a.pem"), Files.readString(dir.resolve("a.pem"))
                + Files.readString(dir.resolve("b-part.tmp")));
        Files.write(dir.resolve("c.cer"), third.certificate().getEncoded());
        third.writeCertificatePem(dir.resolve("d.crt"));
        Files.writeString(dir.resolve("README.txt"), "not a certificate");
        Files.createDirectory(dir.resolve("sub.pem"));

        TrustStore store = TrustStore.load(dir);

        assertEquals(List.of(first.certificate(), second.certificate(), third.certificate(), third.certificate()),
                store.anchors());
    }

    @Test
    void aBrokenCertificateFileIsNamed() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustStore.load(dir));
        assertTrue(e.getMessage().startsWith("trust anchor file " + broken + " is not a PEM or DER X.509 certificate ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); replace it with the CA's certificate or remove it"), e.getMessage());
    }

    @Test
    void anEmptyCertificateFileIsNamed() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.crt"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustStore.load(dir));
        assertEquals("trust anchor file " + empty + " holds no certificate; put the CA's certificate (PEM or DER) "
                + "in it or remove it", e.getMessage());
    }
}
