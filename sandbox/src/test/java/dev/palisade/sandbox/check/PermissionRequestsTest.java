package dev.palisade.sandbox.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.sandbox.DeploymentRefusedException;
import dev.palisade.sandbox.RefusalReason;
import dev.palisade.sandbox.permission.Permission;
import dev.palisade.sandbox.testing.TestDescriptors;
import dev.palisade.sandbox.testing.TestJar;
import dev.palisade.sandbox.testing.fixtures.WordCountPlugin;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode descriptor(String permissions) throws Exception {
        return JSON.readTree("{\"security\":{\"permissions\":" + permissions + "}}");
    }

    @Test
    void readsRequestsInOrderWithoutDuplicates() throws Exception {
        List<Permission> requested = PermissionRequests.read(descriptor("[{\"permission\":\"file.read\",\"target\":\"in/**\"},"
                + "{\"permission\":\"net.connect\",\"target\":\"api.example.org:443\"},"
                + "{\"permission\":\"thread.create\"},{\"permission\":\"file.read\",\"target\":\"in//**\"}]"));
        assertEquals(List.of(Permission.parse("file.read", "in/**"), Permission.parse("net.connect", "api.example.org:443"),
                Permission.parse("thread.create", null)), requested);
    }

    @Test
    void noSecurityOrNoPermissionsMeansNoRequest() throws Exception {
        assertEquals(List.of(), PermissionRequests.read(JSON.readTree("{}")));
        assertEquals(List.of(), PermissionRequests.read(JSON.readTree("{\"security\":{\"sandbox_level\":\"basic\"}}")));
        assertEquals(List.of(), PermissionRequests.read(descriptor("[]")));
    }

    @Test
    void listsEveryInvalidRequestByIndex() throws Exception {
        DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class, () -> PermissionRequests.read(
                descriptor("[{\"permission\":\"file.read\",\"target\":\"ok/**\"}, \"file.read\","
                        + "{\"permission\":\"process.start\",\"target\":\"/bin/sh\"},"
                        + "{\"permission\":\"file.read\",\"target\":\"../up\"},"
                        + "{\"permission\":\"net.connect\"},"
                        + "{\"permission\":\"env.read\",\"target\":\"HOME\",\"why\":\"x\"},"
                        + "{\"target\":\"x\"},{\"permission\":\"env.read\",\"target\":7}]")));
        assertEquals(RefusalReason.INVALID_DESCRIPTOR, e.reason());
        assertEquals("the descriptor META-INF/palisade/extension.json requests permissions that cannot be granted:\n"
                + "  /security/permissions/1 [palisade:permission-object]: is string; write {\"permission\": "
                + "\"file.read\", \"target\": \"reports/**\"}\n"
                + "  /security/permissions/2 [palisade:permission]: permission [process.start] can never be granted: "
                + "starting an operating-system process escapes every other check; remove it from security.permissions\n"
                + "  /security/permissions/3 [palisade:permission]: path glob \"../up\" contains '..'; name the folder "
                + "itself (relative patterns stay inside the data folder)\n"
                + "  /security/permissions/4 [palisade:permission]: permission [net.connect] needs a target: host:port, "
                + "where host may be *.example.org or * and port may be *\n"
                + "  /security/permissions/5/why [palisade:permission-fields]: is not a permission field; use only "
                + "\"permission\" and \"target\"\n"
                + "  /security/permissions/6/permission [palisade:permission-kind]: must be a string such as \"file.read\"\n"
                + "  /security/permissions/7/target [palisade:permission-target]: must be a string\n"
                + "fix each listed request and rebuild the jar", e.detail());
    }

    @Test
    void descriptorReaderRefusesInvalidRequestsWithTheOtherProblems(@TempDir Path dir) throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(TestDescriptors.wordCount("5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a",
                "text-tools", "1.0.0"));
        ((ObjectNode) json.get("security")).set("permissions", JSON.readTree("[{\"permission\":\"reflection\"}]"));
        Path jar = TestJar.plugin("com.example.tools", "1.0.0").addClass(WordCountPlugin.class)
                .descriptor(JSON.writeValueAsString(json)).writeTo(dir.resolve("tools.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            DeploymentRefusedException e = assertThrows(DeploymentRefusedException.class,
                    () -> new DescriptorReader().read(file));
            assertEquals(RefusalReason.INVALID_DESCRIPTOR, e.reason());
            assertTrue(e.detail().contains("/security/permissions/0 [palisade:permission]: permission [reflection] can "
                    + "never be granted"), e.detail());
        }
    }
}
