package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

class SystemRepositoryTest {

    @TempDir
    Path system;

    @Test
    void findsAnArtifactInRepositoryLayout() throws IOException {
        Path jar = system.resolve("org/osgi/org.osgi.util.function/1.2.0/org.osgi.util.function-1.2.0.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        assertEquals(jar, new SystemRepository(system).resolve(MavenLink.parse("mvn:org.osgi/org.osgi.util.function/1.2.0"), "feature f"));
    }

    @Test
    void namesTheMissingArtifactAndWhereItWasExpected() {
        PalisadeStartException e = assertThrows(PalisadeStartException.class,
                () -> new SystemRepository(system).resolve(MavenLink.parse("mvn:g/a/1/xml/features"), "palisade.features.repositories"));
        assertEquals(StartFailure.BUNDLE_NOT_FOUND, e.failure());
        assertEquals("palisade.features.repositories names mvn:g/a/1/xml/features, which is not in system/ (expected "
                + system.resolve("g/a/1/a-1-features.xml") + "); add the artifact to the distribution or remove it from the feature",
                e.getMessage());
    }

    @Test
    void aFolderIsNotAnArtifact() throws IOException {
        Files.createDirectories(system.resolve("g/a/1/a-1.jar"));
        assertThrows(PalisadeStartException.class, () -> new SystemRepository(system).resolve(MavenLink.parse("mvn:g/a/1"), "feature f"));
    }
}
