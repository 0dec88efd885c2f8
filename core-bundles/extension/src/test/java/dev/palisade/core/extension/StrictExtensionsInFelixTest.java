package dev.palisade.core.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.core.extension.fixtures.StrictPlugin;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.core.extension.run.RuntimeStats;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;
import dev.palisade.web.Json;

/**
 * A {@code sandbox_level: strict} plugin in a real Felix host runs in a child JVM: its bundle is never started in
 * the host, a granted read works and an ungranted one is denied with the in-process message (and counted by the
 * host), capabilities work through the host, an allocation bomb ends only the child (502, counted), a loop is
 * killed at its time limit (504) and the next call gets a new child.
 */
class StrictExtensionsInFelixTest {

    private static final String ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";
    private static final String NAME = "strict-tool";

    private static TestPublisher ca;
    private static TestPublisher publisher;

    @TempDir
    Path tmp;

    private FelixHost felix;

    @BeforeAll
    static void keys() {
        ca = TestPublisher.selfSignedCa("Palisade Test CA");
        publisher = TestPublisher.issuedBy(ca, "Strict Publisher");
    }

    @AfterEach
    void stop() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    private Path strictJar(String level, String memoryLimit) throws Exception {
        ObjectNode descriptor = Json.mapper().createObjectNode();
        descriptor.put("id", ID).put("name", NAME).put("version", "1.0.0").put("type", "plugin");
        ObjectNode iface = descriptor.putObject("interface");
        List<String> methods = List.of("read", "note", "loop", "hoard");
        methods.forEach(iface.putArray("methods")::add);
        for (String method : methods) {
            iface.with("input_schema").putObject(method).put("type", "object");
            iface.with("output_schema").putObject(method).put("type", "object");
        }
        ObjectNode implementation = descriptor.putObject("implementation").put("runtime", "java")
                .put("entry_point", StrictPlugin.class.getName());
        implementation.putObject("configuration").put("timeout_ms", 4000).put("memory_limit", memoryLimit);
        var permissions = descriptor.putObject("security").put("sandbox_level", level).putArray("permissions");
        permissions.addObject().put("permission", "file.read").put("target", "own.txt");
        permissions.addObject().put("permission", "file.read").put("target", "note.txt");
        permissions.addObject().put("permission", "file.write").put("target", "note.txt");
        return TestJar.plugin("dev.palisade.test.strict", "1.0.0")
                .header("Import-Package", "dev.palisade.api.extension,dev.palisade.api.capability")
                .addClass(StrictPlugin.class).descriptor(Json.mapper().writeValueAsString(descriptor))
                .signedTo(tmp.resolve(NAME + "-" + System.nanoTime() + ".jar"), publisher);
    }

    /** Deploys the strict plugin (pending: it requests file grants) and approves it, which starts its child. */
    private void deployStrict() throws Exception {
        felix = new FelixHost(tmp.resolve("home"), ca, RuntimeLimits.defaults());
        DeploymentRecord record = felix.host.deploy(strictJar("strict", "32m"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.DEPLOYED, record.outcome(), record.reason());
        assertEquals("pending", felix.host.extension(NAME).orElseThrow().state());
        assertEquals("active", felix.host.grant(NAME, null, "test").get("state"), "approval starts the child");
    }

    @Test
    void aStrictPluginRunsInAChildUnderTheSameGrantsAndMessages() throws Exception {
        deployStrict();
        assertEquals(Bundle.INSTALLED, felix.extensionBundles().get(0).getState(), "no class of it loads in the host");

        Files.writeString(felix.dataFolder(ID).resolve("own.txt"), "in its data folder");
        assertEquals(Map.of("text", "in its data folder"), felix.host.invoke(NAME, "read",
                Map.of("path", felix.dataFolder(ID).resolve("own.txt").toString())));
        assertEquals(Map.of("text", "through the host"), felix.host.invoke(NAME, "note",
                Map.of("text", "through the host")));
        assertEquals("through the host", Files.readString(felix.dataFolder(ID).resolve("note.txt")));

        Path secret = Files.writeString(tmp.resolve("secret.txt"), "top secret");
        HostProblem denied = assertThrows(HostProblem.class, () -> felix.host.invoke(NAME, "read",
                Map.of("path", secret.toString())));
        assertEquals(403, denied.status());
        assertEquals("extension strict-tool 1.0.0 method 'read' was denied: extension [" + ID + "], permission"
                + " [file.read], target [" + secret.toRealPath() + "]; if it needs this, its descriptor must request it"
                + " (security.permissions) and an operator must grant it", denied.detail());
        assertEquals(1L, ((RuntimeStats) felix.host.details(ID).get("runtime")).violations(), "counted by the host");
        assertTrue(felix.audit.stream().anyMatch(line -> line.startsWith(ID + ": permission-denied " + ID
                + " extension [" + ID + "], permission [file.read]")), felix.audit.toString());
    }

    @Test
    void anAllocationBombEndsOnlyTheChildAndALoopIsKilledAtItsTimeLimit() throws Exception {
        deployStrict();

        HostProblem bomb = assertThrows(HostProblem.class, () -> felix.host.invoke(NAME, "hoard", Map.of()));
        assertEquals(502, bomb.status(), bomb.detail());
        assertEquals("extension strict-tool 1.0.0 method 'hoard' failed with java.lang.OutOfMemoryError (it exhausted"
                + " a resource of the JVM); this is a defect of the extension: report it to its publisher", bomb.detail());
        assertEquals(Map.of("text", "after the bomb"), felix.host.invoke(NAME, "note", Map.of("text", "after the bomb")),
                "a new child serves the next call");

        long started = System.nanoTime();
        HostProblem loop = assertThrows(HostProblem.class, () -> felix.host.invoke(NAME, "loop", Map.of()));
        assertEquals(504, loop.status(), loop.detail());
        assertTrue(System.nanoTime() - started < 8_000_000_000L, "answered at the time limit");
        assertEquals(Map.of("text", "after the loop"), felix.host.invoke(NAME, "note", Map.of("text", "after the loop")));
        assertEquals(0, ((RuntimeStats) felix.host.details(ID).get("runtime")).stuckThreads(),
                "killing the child ended the looping call's thread");
    }

    @Test
    void aMemoryLimitOutOfRangeOrOnABasicPluginIsRefused() throws Exception {
        felix = new FelixHost(tmp.resolve("home"), ca, RuntimeLimits.defaults());
        DeploymentRecord tooBig = felix.host.deploy(strictJar("strict", "4g"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals("[invalid-configuration] strict-tool 1.0.0: implementation.configuration.memory_limit is \"4g\""
                + " (4096 MB); a strict extension's heap must be from 16m to 1024m", tooBig.reason());
        DeploymentRecord basic = felix.host.deploy(strictJar("basic", "64m"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals("[invalid-configuration] strict-tool 1.0.0: implementation.configuration.memory_limit is set,"
                + " but only a security.sandbox_level \"strict\" extension has a memory limit of its own; set the level"
                + " to strict or remove memory_limit", basic.reason());
    }
}
