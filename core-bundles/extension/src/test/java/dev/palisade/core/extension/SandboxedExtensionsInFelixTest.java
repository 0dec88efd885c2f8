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

import dev.palisade.core.extension.fixtures.ExitPlugin;
import dev.palisade.core.extension.fixtures.FilePlugin;
import dev.palisade.core.extension.fixtures.NotesPlugin;
import dev.palisade.core.extension.run.RuntimeLimits;
import dev.palisade.host.bridge.DeploymentOutcome;
import dev.palisade.host.bridge.DeploymentRecord;
import dev.palisade.host.bridge.DeploymentSource;
import dev.palisade.host.bridge.HostProblem;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.testing.TestDescriptors;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.TestPublisher;
import dev.palisade.web.Json;

/**
 * Extensions in a real Felix framework with the sandbox's hooks registered: their classes are woven, so an
 * ordinary {@code Files.readString} is checked against the grants the pipeline decided (policy profile,
 * approval, nothing), denials are answered 403 and counted even when the extension catches them, and
 * repeated denials quarantine it. Approvals persist across a restart of the host.
 */
class SandboxedExtensionsInFelixTest {

    private static final String ID = "7c1d2e3f-4a5b-4c6d-8e7f-901234567890";
    private static final String NAME = "file-reader";

    private static TestPublisher ca;
    private static TestPublisher publisher;

    @TempDir
    Path tmp;

    private final MemoryStore store = new MemoryStore();
    private FelixHost felix;

    @BeforeAll
    static void keys() {
        ca = TestPublisher.selfSignedCa("Palisade Test CA");
        publisher = TestPublisher.issuedBy(ca, "File Reader Publisher");
    }

    @AfterEach
    void stop() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    private FelixHost start() throws Exception {
        felix = new FelixHost(tmp.resolve("home"), ca, RuntimeLimits.defaults(), store);
        return felix;
    }

    private Path fileReader(String version, String... permissions) throws Exception {
        return extensionJar(FilePlugin.class, version, permissions);
    }

    private Path extensionJar(Class<?> entry, String version, String... permissions) throws Exception {
        ObjectNode descriptor = (ObjectNode) Json.mapper().readTree(TestDescriptors.plugin(ID, NAME, version, "read",
                entry.getName()));
        var requests = descriptor.putObject("security").putArray("permissions");
        for (String permission : permissions) {
            String[] parts = permission.split(" ", 2);
            ObjectNode request = requests.addObject().put("permission", parts[0]);
            if (parts.length > 1) {
                request.put("target", parts[1]);
            }
        }
        return TestJar.plugin("dev.palisade.test.filereader", version)
                .header("Import-Package", "dev.palisade.api.extension,dev.palisade.api.sandbox,dev.palisade.api.capability")
                .addClass(entry).descriptor(Json.mapper().writeValueAsString(descriptor))
                .signedTo(tmp.resolve(NAME + "-" + version + "-" + System.nanoTime() + ".jar"), publisher);
    }

    private static String fingerprint(TestPublisher publisher) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(publisher.certificate().getEncoded()));
    }

    private Object read(Path file) {
        return felix.host.invoke(NAME, "read", Map.of("path", file.toString()));
    }

    private Path secret() throws Exception {
        return Files.writeString(tmp.resolve("secret.txt"), "top secret");
    }

    private Path dataFolder() throws Exception {
        return felix.dataFolder(ID);
    }

    @Test
    void anUngrantedReadIsDeniedAt403CountedAndListedInTheScanReport() throws Exception {
        start();
        DeploymentRecord record = felix.host.deploy(fileReader("1.0.0"), DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.DEPLOYED, record.outcome(), record.reason());

        HostProblem denied = assertThrows(HostProblem.class, () -> read(secret()));
        assertEquals(403, denied.status());
        assertEquals("permission-denied", denied.type());
        assertEquals("file.read", denied.properties().get("permission"));
        assertEquals(secret().toRealPath().toString(), denied.properties().get("target"));
        assertEquals(1L, ((dev.palisade.core.extension.run.RuntimeStats) felix.host.details(ID).get("runtime")).violations());
        assertTrue(felix.audit.stream().anyMatch(line -> line.startsWith(ID + ": permission-denied " + ID + " extension [" + ID
                + "], permission [file.read]")), felix.audit.toString());

        Map<String, Object> scan = felix.host.scan(NAME);
        assertEquals(List.of("file.read"), scan.get("permissions_needed"));
        assertTrue((Integer) scan.get("guarded") >= 1, scan.toString());
        assertEquals(0, scan.get("forbidden"));
    }

    @Test
    void aForbiddenCallRefusesTheJarWithTheScanReportInTheReason() throws Exception {
        start();
        Path exit = TestJar.plugin("dev.palisade.test.exit", "1.0.0").addClass(ExitPlugin.class)
                .descriptor(TestDescriptors.plugin(ID, NAME, "1.0.0", "read", ExitPlugin.class.getName()))
                .signedTo(tmp.resolve("exit.jar"), publisher);
        DeploymentRecord record = felix.host.deploy(exit, DeploymentSource.DEPLOY_FOLDER);
        assertEquals(DeploymentOutcome.REFUSED, record.outcome());
        assertEquals("[forbidden-call] the jar's code uses what extensions may not use (1 site):\n  "
                + ExitPlugin.class.getName() + ".invoke:13 -> java.lang.System.exit(int) [jvm.exit]\n"
                + "jvm.exit: never granted: exiting the JVM stops the host and every other extension\n"
                + "remove these uses from the extension (and the libraries it packs) and rebuild the jar", record.reason());
        assertEquals(List.of(), felix.extensionBundles());
    }

    @Test
    void moreThanThePolicyGrantsIsHeldPendingUntilApprovedThenOnlyTheGrantWorks() throws Exception {
        start();
        Files.createDirectories(dataFolder());
        Files.writeString(dataFolder().resolve("notes.txt"), "granted notes");
        DeploymentRecord record = felix.host.deploy(fileReader("1.0.0", "file.read notes.txt", "thread.create"),
                DeploymentSource.REST);
        assertEquals(DeploymentOutcome.DEPLOYED, record.outcome());
        assertEquals("[pending-approval] file-reader 1.0.0 is installed but not started (signed by CN=File Reader"
                + " Publisher): it waits for approval of file.read notes.txt, thread.create; review GET"
                + " /api/v1/mplp/extensions/" + ID + "/permissions and approve with POST /api/v1/mplp/extensions/" + ID
                + "/grant", record.reason());
        assertEquals(Bundle.INSTALLED, felix.extensionBundles().get(0).getState(), "not started: none of its code runs");
        assertEquals("pending", felix.host.extension(NAME).orElseThrow().state());

        HostProblem pending = assertThrows(HostProblem.class, () -> read(dataFolder().resolve("notes.txt")));
        assertEquals(409, pending.status());
        assertEquals("extension-pending", pending.type());
        assertEquals("extension file-reader 1.0.0 is installed but not started: it waits for approval of file.read"
                + " notes.txt, thread.create; an operator approves with POST /api/v1/mplp/extensions/" + ID + "/grant",
                pending.detail());

        Map<String, Object> view = felix.host.permissions(NAME);
        assertEquals("pending", view.get("state"));
        assertEquals(List.of(Map.of("permission", "file.read", "target", "notes.txt"), Map.of("permission", "thread.create")),
                view.get("requested"));
        assertEquals(List.of(), view.get("granted"));

        HostProblem unrequested = assertThrows(HostProblem.class, () -> felix.host.grant(NAME,
                List.of(Permission.parse("file.read", "/etc/**")), "test"));
        assertEquals(400, unrequested.status());
        assertEquals("extension file-reader 1.0.0 did not request file.read /etc/**; approve only what it requested:"
                + " file.read notes.txt, thread.create", unrequested.detail());

        store.down(true);
        HostProblem storeDown = assertThrows(HostProblem.class, () -> felix.host.grant(NAME, null, "test"));
        assertEquals(503, storeDown.status());
        assertEquals("store-unavailable", storeDown.type());
        assertEquals("pending", felix.host.extension(NAME).orElseThrow().state(), "not approved while the store is down");
        store.down(false);

        Map<String, Object> partly = felix.host.grant(NAME, List.of(Permission.parse("thread.create", null)), "test");
        assertEquals("pending", partly.get("state"));
        assertEquals(List.of(Map.of("permission", "file.read", "target", "notes.txt")), partly.get("pending"));

        Map<String, Object> approved = felix.host.grant(NAME, null, "test");
        assertEquals("active", approved.get("state"));
        assertEquals(List.of(), approved.get("pending"));
        assertEquals(Bundle.ACTIVE, felix.extensionBundles().get(0).getState());
        assertEquals(Map.of("text", "granted notes"), read(dataFolder().resolve("notes.txt")));
        assertEquals(403, assertThrows(HostProblem.class, () -> read(secret())).status());
        assertTrue(felix.audit.stream().anyMatch(line -> line.startsWith("host: permissions-pending " + ID)), felix.audit.toString());
        assertTrue(felix.audit.stream().anyMatch(line -> line.equals("operator: permissions-approved " + ID + " file-reader 1.0.0:"
                + " test approved file.read notes.txt; still pending: nothing")), felix.audit.toString());
        assertEquals("[approved] file-reader 1.0.0 now serves: test approved thread.create, file.read notes.txt",
                felix.host.deployments().get(0).reason());

        HostProblem again = assertThrows(HostProblem.class, () -> felix.host.grant(NAME, null, "test"));
        assertEquals(409, again.status());
        assertEquals("extension-not-pending", again.type());

        // The approval outlives the host: the next start deploys the kept upload straight to active.
        felix.close();
        felix = null;
        start();
        DeploymentRecord redeployed = felix.host.deploy(felix.uploads.pathFor(ID), DeploymentSource.REST);
        assertEquals("[deployed] file-reader 1.0.0 now serves (signed by CN=File Reader Publisher)", redeployed.reason());
        assertEquals(Map.of("text", "granted notes"), read(dataFolder().resolve("notes.txt")));
    }

    @Test
    void aPolicyProfileForThePublisherGrantsAtDeployment() throws Exception {
        start();
        Files.writeString(felix.grantsFile, "{\"profiles\": [{\"name\": \"readers\", \"fingerprints\": [\""
                + fingerprint(publisher) + "\"], \"grant\": [{\"permission\": \"file.read\", \"target\": \""
                + tmp.toRealPath() + "/**\"}]}]}");
        DeploymentRecord record = felix.host.deploy(fileReader("1.0.0", "file.read " + secret().toRealPath()),
                DeploymentSource.DEPLOY_FOLDER);
        assertEquals("[deployed] file-reader 1.0.0 now serves (signed by CN=File Reader Publisher)", record.reason());
        assertEquals(Map.of("text", "top secret"), read(secret()));
        Map<String, Object> view = felix.host.permissions(ID);
        assertEquals(List.of(Map.of("permission", "file.read", "target", secret().toRealPath().toString(), "by", "policy")),
                view.get("granted"));
        assertEquals(List.of("readers"), view.get("profiles"));
    }

    @Test
    void invocationsGetCapabilitiesCheckedAgainstTheSameGrants() throws Exception {
        start();
        Files.writeString(felix.grantsFile, "{\"profiles\": [{\"name\": \"own-data\", \"fingerprints\": [\""
                + fingerprint(publisher) + "\"], \"grant\": [{\"permission\": \"file.read\", \"target\": \"**\"}]}]}");
        Files.writeString(dataFolder().resolve("notes.txt"), "via capability");
        Files.writeString(dataFolder().resolve("other.txt"), "not requested");
        DeploymentRecord record = felix.host.deploy(extensionJar(NotesPlugin.class, "1.0.0", "file.read notes.txt"),
                DeploymentSource.DEPLOY_FOLDER);
        assertEquals("[deployed] file-reader 1.0.0 now serves (signed by CN=File Reader Publisher)", record.reason());

        assertEquals(Map.of("text", "via capability"), felix.host.invoke(NAME, "read", Map.of("path", "notes.txt")));
        HostProblem denied = assertThrows(HostProblem.class,
                () -> felix.host.invoke(NAME, "read", Map.of("path", "other.txt")));
        assertEquals(403, denied.status());
        assertEquals("file.read", denied.properties().get("permission"));
        assertEquals(1L, ((dev.palisade.core.extension.run.RuntimeStats) felix.host.details(ID).get("runtime")).violations(),
                "a capability's denial is counted like a guard's");
    }

    @Test
    void caughtDenialsAreCountedAndQuarantineUntilReleased() throws Exception {
        start();
        felix.host.deploy(fileReader("1.0.0"), DeploymentSource.DEPLOY_FOLDER);
        Map<String, Object> input = Map.of("path", secret().toString(), "catch", true);
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of("caught", "file.read"), felix.host.invoke(NAME, "read", input),
                    "the extension hides the denial from its caller");
        }
        HostProblem quarantined = assertThrows(HostProblem.class, () -> felix.host.invoke(NAME, "read", input));
        assertEquals(409, quarantined.status());
        assertEquals("extension-quarantined", quarantined.type());
        assertTrue(quarantined.detail().startsWith("file-reader 1.0.0 is quarantined after 3 sandbox denials"),
                quarantined.detail());
        Map<String, Object> details = felix.host.details(NAME);
        assertEquals("quarantined", details.get("state"));
        @SuppressWarnings("unchecked")
        Map<String, Object> why = (Map<String, Object>) details.get("quarantine");
        assertEquals(quarantined.detail(), why.get("reason"));

        Map<String, Object> released = felix.host.release(NAME, "test");
        assertEquals("active", released.get("state"));
        assertEquals(Map.of("caught", "file.read"), felix.host.invoke(NAME, "read", input));
        HostProblem notQuarantined = assertThrows(HostProblem.class, () -> felix.host.release(NAME, "test"));
        assertEquals(409, notQuarantined.status());
        assertEquals("extension-not-quarantined", notQuarantined.type());
    }
}
