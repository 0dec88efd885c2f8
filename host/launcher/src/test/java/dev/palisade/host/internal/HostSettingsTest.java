package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.host.PalisadeStartException;
import dev.palisade.host.StartFailure;

class HostSettingsTest {

    @TempDir
    Path home;

    private void layout(String settings) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(home.resolve("system"));
        if (settings != null) {
            Files.writeString(home.resolve("etc/palisade.properties"), settings);
        }
    }

    private PalisadeStartException failure(Integer port, Map<String, String> properties) {
        return assertThrows(PalisadeStartException.class, () -> HostSettings.resolve(home, port, properties));
    }

    @Test
    void defaultsWithoutSettingsFile() throws IOException {
        layout(null);
        HostSettings settings = HostSettings.resolve(home, null, Map.of());
        assertEquals(8080, settings.port());
        assertEquals(List.of("palisade-core"), settings.bootFeatures());
        assertEquals(List.of(MavenLink.parse("mvn:dev.palisade/palisade-features/" + PalisadeVersion.current() + "/xml/features")),
                settings.featureRepositories());
        assertEquals(List.of(HostSettings.HTTP_RUNTIME, HostSettings.STORE_ADMIN, HostSettings.EXTENSION_HOST), settings.readyServices());
        assertEquals(Duration.ofSeconds(60), settings.startTimeout());
        assertTrue(Files.isDirectory(home.resolve("deploy")));
        assertTrue(Files.isDirectory(home.resolve("data")));
        assertTrue(Files.isDirectory(home.resolve("etc/trust")));
    }

    @Test
    void builderWinsOverSettingsFileWhichWinsOverDefaults() throws IOException {
        layout("palisade.http.port=9000\npalisade.boot.features=a, b\nx=file\n");
        HostSettings fromFile = HostSettings.resolve(home, null, Map.of());
        assertEquals(9000, fromFile.port());
        assertEquals(List.of("a", "b"), fromFile.bootFeatures());
        HostSettings fromBuilder = HostSettings.resolve(home, 0, Map.of("x", "builder", "palisade.ready.services", ""));
        assertEquals(0, fromBuilder.port());
        assertEquals("builder", fromBuilder.properties().get("x"));
        assertEquals(List.of(), fromBuilder.readyServices());
    }

    @Test
    void missingHomeFolder() {
        Path missing = home.resolve("nope");
        PalisadeStartException e = assertThrows(PalisadeStartException.class, () -> HostSettings.resolve(missing, null, Map.of()));
        assertEquals(StartFailure.INVALID_HOME, e.failure());
        assertEquals("home folder " + missing + " does not exist; pass the folder of an unpacked Palisade distribution", e.getMessage());
    }

    @Test
    void homeWithoutEtc() throws IOException {
        Files.createDirectories(home.resolve("system"));
        PalisadeStartException e = failure(null, Map.of());
        assertEquals(StartFailure.INVALID_HOME, e.failure());
        assertEquals("home folder " + home + " has no etc/ folder (settings (palisade.properties) and trust anchors);"
                + " pass the folder of an unpacked Palisade distribution", e.getMessage());
    }

    @Test
    void homeWithoutSystem() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        assertEquals("home folder " + home + " has no system/ folder (the bundles, in Maven repository layout);"
                + " pass the folder of an unpacked Palisade distribution", failure(null, Map.of()).getMessage());
    }

    @Test
    void badPortSetting() throws IOException {
        layout("palisade.http.port=http\n");
        PalisadeStartException e = failure(null, Map.of());
        assertEquals(StartFailure.INVALID_SETTING, e.failure());
        assertEquals("palisade.http.port=http is not a whole number in 0..65535; fix it in etc/palisade.properties", e.getMessage());
    }

    @Test
    void emptyBootFeatures() throws IOException {
        layout("palisade.boot.features= , \n");
        assertEquals("palisade.boot.features is empty; name at least one feature, such as palisade-core",
                failure(null, Map.of()).getMessage());
    }

    @Test
    void badFeaturesRepository() throws IOException {
        layout(null);
        assertEquals("palisade.features.repositories: bundle location [features.xml] is not an mvn: link;"
                + " write mvn:groupId/artifactId/version[/type[/classifier]]",
                failure(null, Map.of("palisade.features.repositories", "features.xml")).getMessage());
    }
}
