package dev.palisade.sandbox.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.stage.JarStager;
import dev.palisade.sandbox.stage.StagedJar;
import dev.palisade.sandbox.stage.StagingLimits;
import dev.palisade.sandbox.testing.TestDescriptors;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;
import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;
import dev.palisade.sandbox.trust.JarSignatureVerifier;
import dev.palisade.sandbox.trust.TrustStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtensionJarInspectorTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";

    @TempDir
    Path dir;

    private TestPublisher publisher;
    private JarStager stager;
    private ExtensionJarInspector inspector;

    @BeforeEach
    void setUp() throws Exception {
        TestPublisher ca = TestPublisher.selfSignedCa("Test CA");
        publisher = TestPublisher.issuedBy(ca, "Test Publisher");
        Path trust = Files.createDirectory(dir.resolve("trust"));
        ca.writeCertificatePem(trust.resolve("ca.pem"));
        stager = new JarStager(dir.resolve("staging"), StagingLimits.defaults());
        inspector = new ExtensionJarInspector(new JarSignatureVerifier(TrustStore.load(trust), Clock.systemUTC()),
                new ManifestRules(), new DescriptorReader());
    }

    private TestJar textTools(String bundleVersion, String descriptorVersion) {
        return TestJar.plugin("com.example.texttools", bundleVersion).addClass(WordCountPlugin.class)
                .descriptor(TestDescriptors.wordCount(ID, "text-tools", descriptorVersion));
    }

    private DeploymentRefusedException refused(Path jar, RefusalReason reason) {
        StagedJar staged = stager.stage(jar);
        try {
            DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> inspector.inspect(staged));
            assertEquals(reason, e.reason(), e.getMessage());
            return e;
        } finally {
            staged.delete();
        }
    }

    @Test
    void inspectsAGoodJarEndToEnd() {
        Path jar = textTools("1.2.0", "1.2").signedTo(dir.resolve("text-tools.jar"), publisher);
        StagedJar staged = stager.stage(jar);

        InspectedJar inspected = inspector.inspect(staged);

        assertEquals(staged, inspected.staged());
        assertEquals("CN=Test Publisher", inspected.signer().subject());
        assertEquals("text-tools", inspected.descriptor().name());
        assertEquals(List.of("word_count"), inspected.descriptor().methods());
        assertEquals("com.example.texttools", inspected.symbolicName());
        assertEquals("1.2.0", inspected.bundleVersion());
        staged.delete();
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0", "1.0.0.SNAPSHOT, 1.0.0", "1, 1.0.0", "01.2.3, 1.2.3"})
    void comparesVersionsAsMajorMinorMicro(String bundleVersion, String descriptorVersion) {
        Path jar = textTools(bundleVersion, descriptorVersion).signedTo(dir.resolve("v.jar"), publisher);
        StagedJar staged = stager.stage(jar);
        assertEquals(bundleVersion, inspector.inspect(staged).bundleVersion());
        staged.delete();
    }

    @Test
    void refusesADescriptorVersionThatDiffersFromTheBundleVersion() {
        Path jar = textTools("1.0.1", "1.0.0").signedTo(dir.resolve("mismatch.jar"), publisher);
        DeploymentRefusedException e = refused(jar, RefusalReason.VERSION_MISMATCH);
        assertEquals("[version-mismatch] the descriptor's version \"1.0.0\" differs from the manifest's Bundle-Version "
                + "\"1.0.1\"; set both to the same major.minor.micro version and rebuild the jar", e.getMessage());
    }

    @Test
    void checksTheSignatureFirst() {
        Path jar = textTools("1.0.0", "2.0.0").header("Bundle-Activator", "a.B").writeTo(dir.resolve("plain.jar"));
        refused(jar, RefusalReason.UNSIGNED);
    }

    @Test
    void checksTheManifestBeforeTheDescriptor() {
        Path jar = textTools("1.0.0", "1.0.0").header("Bundle-Activator", "com.example.Activator")
                .descriptor("not json").signedTo(dir.resolve("activator.jar"), publisher);
        refused(jar, RefusalReason.FORBIDDEN_HEADER);
    }

    @Test
    void refusesASignedJarWithoutManifestHeaders() {
        Path jar = textTools("1.0.0", "1.0.0").header("Bundle-ManifestVersion", null)
                .signedTo(dir.resolve("nobundle.jar"), publisher);
        refused(jar, RefusalReason.NOT_A_BUNDLE);
    }

    @Test
    void refusesASignedJarWithoutDescriptor() {
        Path jar = TestJar.plugin("com.example.texttools", "1.0.0").addClass(WordCountPlugin.class)
                .signedTo(dir.resolve("nodescriptor.jar"), publisher);
        refused(jar, RefusalReason.MISSING_DESCRIPTOR);
    }
}
