package dev.palisade.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    @TempDir
    Path home;

    @Test
    void launcherKeysWinOverSettingsAndUserKeysPassThrough() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(home.resolve("system"));
        HostSettings settings = HostSettings.resolve(home, 8181, Map.of(
                "org.apache.felix.http.host", "0.0.0.0",
                "palisade.home", "/elsewhere",
                "org.osgi.framework.storage", "/tmp/other-cache",
                "org.osgi.framework.system.packages.extra", "com.example.shared;version=2.0.0",
                "felix.log.level", "3",
                "felix.bootdelegation.implicit", "true",
                "custom.key", "custom value"));
        Map<String, String> properties = FrameworkProperties.of(settings, 50);
        Path root = home.toAbsolutePath().normalize();
        assertEquals("127.0.0.1", properties.get("org.apache.felix.http.host"));
        assertEquals("8181", properties.get("org.osgi.service.http.port"));
        assertEquals(root.toString(), properties.get("palisade.home"));
        assertEquals(root.resolve("deploy").toString(), properties.get("palisade.deploy.dir"));
        assertEquals(root.resolve("data").toString(), properties.get("palisade.data.dir"));
        assertEquals(root.resolve("etc/trust").toString(), properties.get("palisade.trust.dir"));
        assertEquals(root.resolve("data/cache").toString(), properties.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", properties.get("org.osgi.framework.storage.clean"));
        assertEquals("50", properties.get("org.osgi.framework.startlevel.beginning"));
        assertEquals("dev.palisade.host.bridge;version=1.2.0,com.example.shared;version=2.0.0",
                properties.get("org.osgi.framework.system.packages.extra"));
        assertEquals("3", properties.get("felix.log.level"));
        assertEquals("false", properties.get("felix.bootdelegation.implicit"), "the sandbox needs it off");
        assertEquals("custom value", properties.get("custom.key"));
    }

    @Test
    void felixConsoleLogIsOffUnlessAsked() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.createDirectories(home.resolve("system"));
        Map<String, String> properties = FrameworkProperties.of(HostSettings.resolve(home, 0, Map.of()), 1);
        assertEquals("0", properties.get("felix.log.level"));
        assertEquals("dev.palisade.host.bridge;version=1.2.0", properties.get("org.osgi.framework.system.packages.extra"));
        assertEquals("0", properties.get("org.osgi.service.http.port"));
    }
}
