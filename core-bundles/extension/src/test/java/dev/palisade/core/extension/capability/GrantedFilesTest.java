package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.ExtensionFiles;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.permission.Grants;
import dev.palisade.sandbox.policy.DecisionPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrantedFilesTest {

    @TempDir
    Path temp;

    @Test
    void relativePathsResolveInTheDataFolderAndGrantedAccessWorks() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read **", "file.write out/**").files();

        files.writeString("out/deep/report.txt", "hello ✓");
        Path written = t.dataFolder().resolve("out/deep/report.txt");
        assertEquals("hello ✓", Files.readString(written));
        assertEquals("hello ✓", files.readString("out/deep/report.txt"));
        assertArrayEquals("hello ✓".getBytes(StandardCharsets.UTF_8), files.readBytes("out/./deep/report.txt"));
        assertTrue(files.exists("out/deep"));
        assertFalse(files.exists("out/nothing"));
        files.writeBytes("out/b.bin", new byte[] {1, 2});
        files.writeString("out/a.txt", "a");
        assertEquals(List.of("a.txt", "b.bin", "deep"), files.list("out"));
        files.delete("out/a.txt");
        assertFalse(Files.exists(t.dataFolder().resolve("out/a.txt")));
        assertEquals(0, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void anUngrantedWriteIsDeniedRecordedAndWritesNothing() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read **", "file.write out/**").files();

        SandboxViolation denied = assertThrows(SandboxViolation.class, () -> files.writeString("notes.txt", "x"));
        Path target = t.dataFolder().resolve("notes.txt");
        assertEquals("extension [" + t.extensionId + "], permission [file.write], target [" + target + "]",
                denied.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(1, DecisionPoint.violations(t.extensionId).count());
        assertEquals("file.write", DecisionPoint.violations(t.extensionId).recent().get(0).permission());

        assertThrows(SandboxViolation.class, () -> files.delete("notes.txt"));
        assertEquals(2, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void writeDoesNotIncludeRead() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.write **").files();
        files.writeString("a.txt", "secret");
        SandboxViolation denied = assertThrows(SandboxViolation.class, () -> files.readString("a.txt"));
        assertEquals("file.read", denied.permission());
        assertThrows(SandboxViolation.class, () -> files.exists("a.txt"));
        assertThrows(SandboxViolation.class, () -> files.list("."));
    }

    @Test
    void dotDotOutOfTheDataFolderIsDenied() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read **", "file.write **").files();
        files.writeString("inside.txt", "ok");
        Files.writeString(t.dataFolder().getParent().resolve("kv.json"), "{}");

        SandboxViolation read = assertThrows(SandboxViolation.class, () -> files.readString("../kv.json"));
        assertEquals(t.dataFolder().getParent().resolve("kv.json").toString(), read.target());
        SandboxViolation write = assertThrows(SandboxViolation.class,
                () -> files.writeString("sub/../../../other/files/x.txt", "x"));
        assertEquals(t.dataFolder().getParent().getParent().resolve("other/files/x.txt").toString(), write.target());
        assertFalse(Files.exists(t.dataFolder().getParent().getParent().resolve("other")));
        assertEquals("{}", Files.readString(t.dataFolder().getParent().resolve("kv.json")));
    }

    @Test
    void symbolicLinksOutOfTheDataFolderAreDenied() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read **", "file.write **").files();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "root");
        Files.createDirectories(t.dataFolder());
        Files.createSymbolicLink(t.dataFolder().resolve("link"), outside.resolve("passwd"));
        Files.createSymbolicLink(t.dataFolder().resolve("dir"), outside);

        SandboxViolation file = assertThrows(SandboxViolation.class, () -> files.readString("link"));
        assertEquals(outside.resolve("passwd").toString(), file.target());
        SandboxViolation folder = assertThrows(SandboxViolation.class, () -> files.readString("dir/passwd"));
        assertEquals(outside.resolve("passwd").toString(), folder.target());
        assertThrows(SandboxViolation.class, () -> files.writeString("dir/new.txt", "x"));
        assertThrows(SandboxViolation.class, () -> files.writeString("link", "overwritten"));
        assertThrows(SandboxViolation.class, () -> files.list("dir"));
        assertFalse(Files.exists(outside.resolve("new.txt")));
        assertEquals("root", Files.readString(outside.resolve("passwd")));
        assertEquals(5, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void aLinkInsideTheDataFolderToAGrantedFileIsFollowed() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read **").files();
        Files.createDirectories(t.dataFolder().resolve("real"));
        Files.writeString(t.dataFolder().resolve("real/a.txt"), "A");
        Files.createSymbolicLink(t.dataFolder().resolve("alias"), t.dataFolder().resolve("real"));
        assertEquals("A", files.readString("alias/a.txt"));
    }

    @Test
    void absoluteGrantsWork() throws Exception {
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Files.writeString(shared.resolve("a.txt"), "shared");
        Files.writeString(shared.resolve("b.csv"), "no");
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read " + shared.toRealPath() + "/*.txt").files();
        assertEquals("shared", files.readString(shared.resolve("a.txt").toString()));
        assertThrows(SandboxViolation.class, () -> files.readString(shared.resolve("b.csv").toString()));
    }

    @Test
    void ioFailuresAreIoErrorsNamingThePath() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionFiles files = t.capabilities("file.read **", "file.write **").files();
        ExtensionException missing = assertThrows(ExtensionException.class, () -> files.readString("missing.txt"));
        assertEquals("io_error", missing.code());
        assertEquals("could not read " + t.dataFolder().resolve("missing.txt") + ": it does not exist",
                missing.getMessage());

        files.writeString("full/a.txt", "a");
        ExtensionException notEmpty = assertThrows(ExtensionException.class, () -> files.delete("full"));
        assertEquals("could not delete " + t.dataFolder().resolve("full") + ": the folder is not empty",
                notEmpty.getMessage());

        ExtensionException notText = assertThrows(ExtensionException.class, () -> {
            files.writeBytes("bin", new byte[] {(byte) 0xff, (byte) 0xfe});
            files.readString("bin");
        });
        assertEquals("invalid_text", notText.code());

        ExtensionException nul = assertThrows(ExtensionException.class, () -> files.readString("a\0b"));
        assertEquals("invalid_path", nul.code());
        assertEquals(0, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void capabilitiesExpireWithTheirInvocation() {
        CapabilityTesting t = new CapabilityTesting(temp);
        InvocationCapabilities capabilities = t.capabilities("file.read **", "file.write **");
        capabilities.files().writeString("a.txt", "a");
        capabilities.close();
        ExtensionException expired = assertThrows(ExtensionException.class,
                () -> capabilities.files().readString("a.txt"));
        assertEquals("capabilities_expired", expired.code());
        assertThrows(ExtensionException.class, () -> capabilities.store().keys());
        assertThrows(ExtensionException.class, () -> capabilities.log().info("late"));
    }

    @Test
    void grantsBoundToAnotherFolderAreRefused() {
        CapabilityTesting t = new CapabilityTesting(temp);
        Grants elsewhere = Grants.of(temp.resolve("elsewhere").toAbsolutePath(), List.of());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> t.factory.forInvocation(t.extensionId, "x", elsewhere, "inv"));
        assertTrue(refused.getMessage().contains("build them with Grants.of(capabilityFactory.dataFolder(id)"),
                refused.getMessage());
        assertThrows(SandboxViolation.class,
                () -> t.factory.forInvocation(t.extensionId, "x", Grants.none(), "inv").files().readString("a"));
    }

    @Test
    void unsafeExtensionIdsAreRefused() {
        CapabilityTesting t = new CapabilityTesting(temp);
        for (String id : new String[] {"..", "../x", "a/b", "", ".hidden"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> t.factory.forInvocation(id, "x", Grants.none(), "inv"), id);
        }
    }
}
