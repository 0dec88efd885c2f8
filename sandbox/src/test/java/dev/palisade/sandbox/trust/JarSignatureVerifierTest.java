package dev.palisade.sandbox.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.testing.JarTampering;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;
import dev.palisade.sandbox.testing.fixtures.EchoPlugin;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarSignatureVerifierTest {

    private static final String ECHO_CLASS = "dev/palisade/sandbox/testing/fixtures/EchoPlugin.class";

    @TempDir
    Path dir;

    private TestPublisher ca;
    private TestPublisher publisher;
    private Path trustDir;
    private JarSignatureVerifier verifier;

    @BeforeEach
    void trustTheTestCa() throws Exception {
        ca = TestPublisher.selfSignedCa("Test CA");
        publisher = TestPublisher.issuedBy(ca, "Test Publisher");
        trustDir = Files.createDirectory(dir.resolve("trust"));
        ca.writeCertificatePem(trustDir.resolve("test-ca.pem"));
        verifier = new JarSignatureVerifier(TrustStore.load(trustDir), Clock.systemUTC());
    }

    private TestJar echoJar() {
        return TestJar.plugin("com.example.echo", "1.0.0").addClass(EchoPlugin.class)
                .descriptor("{\"name\":\"echo\"}");
    }

    private DeploymentRefusedException refused(JarSignatureVerifier verifier, Path jar, RefusalReason reason) {
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> verifier.verify(jar));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    private static String fingerprint(Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void verifiesAJarSignedByAPublisherOfATrustedCa() throws Exception {
        Path jar = echoJar().signedTo(dir.resolve("echo.jar"), publisher);

        VerifiedSigner signer = verifier.verify(jar);

        assertEquals("CN=Test Publisher", signer.subject());
        assertEquals(fingerprint(publisher.certificate()), signer.fingerprint());
        assertEquals(publisher.certificate(), signer.certificate());
        assertEquals(publisher.chain(), signer.chain());
    }

    @Test
    void verifiesWhateverDigestAlgorithmTheSignerChose() throws Exception {
        for (String algorithm : List.of("SHA-384", "SHA-512", "SHA-256")) {
            Path jar = echoJar().signedTo(dir.resolve(algorithm + ".jar"), publisher, algorithm);
            try (JarFile file = new JarFile(jar.toFile())) {
                assertTrue(file.getManifest().getAttributes(ECHO_CLASS).getValue(algorithm + "-Digest") != null,
                        "manifest should carry " + algorithm + "-Digest");
            }
            assertEquals("CN=Test Publisher", verifier.verify(jar).subject());
            Path tampered = JarTampering.replaceEntry(jar, ECHO_CLASS, new byte[] {1}, dir.resolve(algorithm + "-t.jar"));
            refused(verifier, tampered, RefusalReason.TAMPERED);
        }
    }

    /** JDK 25's jarsigner writes SHA-384 digests by default; nothing may assume SHA-256. */
    @Test
    void verifiesAJarSignedByTheJdk25Jarsigner() throws Exception {
        Path jarsigner = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/jarsigner");
        assumeTrue(Files.isExecutable(jarsigner), "no JDK 25 jarsigner on this machine");
        Path keystore = dir.resolve("publisher.p12");
        char[] password = "changeit".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("publisher", publisher.privateKey(), password, publisher.chain().toArray(new Certificate[0]));
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, password);
        }
        Path jar = echoJar().writeTo(dir.resolve("cli.jar"));
        Process process = new ProcessBuilder(jarsigner.toString(), "-keystore", keystore.toString(),
                "-storepass", "changeit", jar.toString(), "publisher").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getManifest().getAttributes(ECHO_CLASS).getValue("SHA-384-Digest") != null,
                    "JDK 25 jarsigner should write SHA-384 digests");
        }
        assertEquals("CN=Test Publisher", verifier.verify(jar).subject());
    }

    @Test
    void refusesAnUnsignedJar() {
        Path jar = echoJar().writeTo(dir.resolve("plain.jar"));
        DeploymentRefusedException e = refused(verifier, jar, RefusalReason.UNSIGNED);
        assertEquals("[unsigned] the jar is not signed; sign it with jarsigner using a key whose certificate "
                + "chains to one in etc/trust/", e.getMessage());
    }

    @Test
    void explainsSignatureFilesWithoutAnAcceptedSigner() {
        Path jar = echoJar().signedTo(dir.resolve("by-ca.jar"), ca);
        DeploymentRefusedException e = refused(verifier, jar, RefusalReason.UNSIGNED);
        assertEquals("[unsigned] the jar carries signature files (META-INF/SIGNER.SF) but no valid signer: the "
                + "signer's certificate does not allow code signing (its key usage lacks digitalSignature or its "
                + "extended key usage lacks codeSigning) or the signature block does not match; sign the jar with "
                + "jarsigner using a code-signing key whose certificate chains to one in etc/trust/", e.getMessage());
    }

    @Test
    void refusesAClassModifiedAfterSigning() {
        Path signed = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        Path tampered = JarTampering.replaceEntry(signed, ECHO_CLASS, "evil".getBytes(StandardCharsets.UTF_8),
                dir.resolve("tampered.jar"));
        DeploymentRefusedException e = refused(verifier, tampered, RefusalReason.TAMPERED);
        assertTrue(e.detail().startsWith("entry \"" + ECHO_CLASS + "\" does not match the digest its signature "
                + "covers ("), e.detail());
        assertTrue(e.detail().endsWith("); the jar was changed after it was signed: re-sign the jar after the last "
                + "change"), e.detail());
    }

    @Test
    void refusesTheDescriptorModifiedAfterSigning() {
        Path signed = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        Path tampered = JarTampering.replaceEntry(signed, "META-INF/palisade/extension.json",
                "{\"name\":\"evil\"}".getBytes(StandardCharsets.UTF_8), dir.resolve("tampered.jar"));
        DeploymentRefusedException e = refused(verifier, tampered, RefusalReason.TAMPERED);
        assertTrue(e.detail().startsWith("entry \"META-INF/palisade/extension.json\" does not match"), e.detail());
    }

    @Test
    void refusesAnEntryAddedAfterSigning() {
        Path signed = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        Path added = JarTampering.addEntry(signed, "com/example/Evil.class", new byte[] {(byte) 0xCA, (byte) 0xFE},
                dir.resolve("added.jar"));
        DeploymentRefusedException e = refused(verifier, added, RefusalReason.UNSIGNED_ENTRY);
        assertEquals("[unsigned-entry] entry \"com/example/Evil.class\" is not covered by the signature; it was "
                + "added after the jar was signed: re-sign the jar after the last change", e.getMessage());
    }

    @Test
    void refusesAnEntryRemovedAfterSigning() {
        Path signed = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        Path removed = JarTampering.removeEntry(signed, ECHO_CLASS, dir.resolve("removed.jar"));
        DeploymentRefusedException e = refused(verifier, removed, RefusalReason.TAMPERED);
        assertEquals("[tampered] the signature covers entry \"" + ECHO_CLASS + "\" but the jar has no such entry; it "
                + "was removed after the jar was signed: re-sign the jar after the last change", e.getMessage());
    }

    @Test
    void refusesAJarReSignedWithAnUntrustedSelfSignedKey() throws Exception {
        Path signed = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        Path modified = JarTampering.replaceEntry(signed, ECHO_CLASS, new byte[] {1}, dir.resolve("modified.jar"));
        TestPublisher attacker = TestPublisher.selfSigned("Test Publisher");
        Path resigned = JarTampering.signAgain(modified, attacker, TestJar.SIGNER_NAME, dir.resolve("resigned.jar"));

        DeploymentRefusedException e = refused(verifier, resigned, RefusalReason.UNTRUSTED_SIGNER);
        assertTrue(e.detail().startsWith("signer CN=Test Publisher (SHA-256 fingerprint "
                + fingerprint(attacker.certificate()) + ") does not chain to a certificate in etc/trust/ ("), e.detail());
        assertTrue(e.detail().endsWith("); if you trust this publisher, add the certificate of the CA that issued it "
                + "to etc/trust/, otherwise do not deploy this jar"), e.detail());
    }

    @Test
    void refusesAPublisherOfAnImpostorCaWithTheTrustedCasName() {
        TestPublisher impostorCa = TestPublisher.selfSignedCa("Test CA");
        Path jar = echoJar().signedTo(dir.resolve("impostor.jar"), TestPublisher.issuedBy(impostorCa, "Test Publisher"));
        refused(verifier, jar, RefusalReason.UNTRUSTED_SIGNER);
    }

    @Test
    void acceptsAPublisherWhoseOwnCertificateIsTrusted() throws Exception {
        TestPublisher selfSigned = TestPublisher.selfSigned("Solo Publisher");
        selfSigned.writeCertificatePem(trustDir.resolve("solo.pem"));
        JarSignatureVerifier withSolo = new JarSignatureVerifier(TrustStore.load(trustDir), Clock.systemUTC());
        Path jar = echoJar().signedTo(dir.resolve("solo.jar"), selfSigned);
        assertEquals("CN=Solo Publisher", withSolo.verify(jar).subject());
    }

    @Test
    void refusesAnExpiredSignerCertificate() {
        Instant now = Instant.now();
        TestPublisher expired = TestPublisher.issuedBy(ca, "Old Publisher", now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(35)));
        Path jar = echoJar().signedTo(dir.resolve("old.jar"), expired);
        DeploymentRefusedException e = refused(verifier, jar, RefusalReason.SIGNER_NOT_VALID);
        assertTrue(e.detail().startsWith("the certificate of signer CN=Old Publisher (SHA-256 fingerprint "), e.detail());
        assertTrue(e.detail().contains(" is valid from " + expired.certificate().getNotBefore().toInstant() + " to "
                + expired.certificate().getNotAfter().toInstant() + ", not at the check time "), e.detail());
        assertTrue(e.detail().endsWith("; re-sign the jar with a currently valid certificate"), e.detail());
    }

    @Test
    void checksValidityAtTheClocksTime() {
        Path jar = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        Instant future = Instant.now().plus(Duration.ofDays(800));
        JarSignatureVerifier later = new JarSignatureVerifier(TrustStore.load(trustDir), Clock.fixed(future, ZoneOffset.UTC));
        DeploymentRefusedException e = refused(later, jar, RefusalReason.SIGNER_NOT_VALID);
        assertTrue(e.detail().contains(", not at the check time " + future + ";"), e.detail());
    }

    @Test
    void refusesEverythingWhenTheTrustStoreIsEmpty() throws Exception {
        Path emptyTrust = Files.createDirectory(dir.resolve("empty-trust"));
        JarSignatureVerifier untrusting = new JarSignatureVerifier(TrustStore.load(emptyTrust), Clock.systemUTC());
        Path jar = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        DeploymentRefusedException e = refused(untrusting, jar, RefusalReason.UNTRUSTED_SIGNER);
        assertEquals("[untrusted-signer] etc/trust/ (" + emptyTrust + ") holds no certificate, so no signer is "
                + "trusted and signer CN=Test Publisher (SHA-256 fingerprint " + fingerprint(publisher.certificate())
                + ") cannot be either; add the certificate of the CA that issues your publishers' keys to etc/trust/",
                e.getMessage());
    }

    @Test
    void refusesAJarWithTwoSigners() {
        Path signed = echoJar().signedTo(dir.resolve("echo.jar"), publisher);
        TestPublisher other = TestPublisher.issuedBy(ca, "Other Publisher");
        Path twice = JarTampering.signAgain(signed, other, "OTHER", dir.resolve("twice.jar"));
        DeploymentRefusedException e = refused(verifier, twice, RefusalReason.MULTIPLE_SIGNERS);
        assertTrue(e.detail().startsWith("the jar's entries are signed by more than one signer ("), e.detail());
        assertTrue(e.detail().contains("CN=Test Publisher") && e.detail().contains("CN=Other Publisher"), e.detail());
        assertTrue(e.detail().endsWith("); sign the jar with exactly one publisher key"), e.detail());
    }

    @Test
    void signatureFilesAreRecognisedOnlyDirectlyInMetaInf() {
        assertTrue(JarSignatureVerifier.isSignatureFile("META-INF/MANIFEST.MF"));
        assertTrue(JarSignatureVerifier.isSignatureFile("META-INF/PUBLISHER.SF"));
        assertTrue(JarSignatureVerifier.isSignatureFile("meta-inf/publisher.ec"));
        assertTrue(JarSignatureVerifier.isSignatureFile("META-INF/SIG-X"));
        assertTrue(!JarSignatureVerifier.isSignatureFile("META-INF/palisade/extension.json"));
        assertTrue(!JarSignatureVerifier.isSignatureFile("META-INF/sub/X.SF"));
        assertTrue(!JarSignatureVerifier.isSignatureFile("com/example/X.SF"));
    }
}
