package dev.palisade.core.extension.capability;

import dev.palisade.api.capability.Secrets;
import dev.palisade.api.extension.ExtensionException;
import dev.palisade.api.sandbox.SandboxViolation;
import dev.palisade.sandbox.policy.DecisionPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GrantedSecretsTest {

    @TempDir
    Path temp;

    private Path secrets(CapabilityTesting t) throws Exception {
        Path folder = Files.createDirectories(t.home.resolve("etc/secrets"));
        Files.writeString(folder.resolve("db.password"), "s3cret\n");
        Files.writeString(folder.resolve("app.token"), "tok\r\n");
        Files.writeString(folder.resolve("app.other"), "other");
        Files.writeString(folder.resolve("api.key"), "not yours");
        return folder;
    }

    @Test
    void aGrantedSecretIsReadWithoutItsTrailingLineBreak() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        secrets(t);
        Secrets secrets = t.capabilities("secret.read db.password", "secret.read app.*").secrets();
        assertEquals("s3cret", secrets.read("db.password"));
        assertEquals("tok", secrets.read("app.token"));
        assertEquals("other", secrets.read("app.other"));
        assertEquals(0, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void anUngrantedSecretIsDeniedAndRecorded() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        secrets(t);
        Secrets secrets = t.capabilities("secret.read db.password").secrets();
        SandboxViolation denied = assertThrows(SandboxViolation.class, () -> secrets.read("api.key"));
        assertEquals("extension [" + t.extensionId + "], permission [secret.read], target [api.key]",
                denied.getMessage());
        SandboxViolation missingToo = assertThrows(SandboxViolation.class, () -> secrets.read("no.such"));
        assertEquals("no.such", missingToo.target());
        assertEquals(2, DecisionPoint.violations(t.extensionId).count());
    }

    @Test
    void aMissingSecretNamesOnlyItself() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        Path folder = secrets(t);
        Files.createDirectories(folder.resolve("app.folder"));
        Secrets secrets = t.capabilities("secret.read app.*").secrets();
        ExtensionException missing = assertThrows(ExtensionException.class, () -> secrets.read("app.missing"));
        assertEquals("secret_not_found", missing.code());
        assertEquals("secret [app.missing] is not set; the operator sets it as the file etc/secrets/app.missing in"
                + " the Palisade home", missing.getMessage());
        assertFalse(missing.getMessage().contains("app.token") || missing.getMessage().contains("app.other"));
        assertEquals("secret_not_found",
                assertThrows(ExtensionException.class, () -> secrets.read("app.folder")).code());
    }

    @Test
    void noSecretsFolderMeansNotFound() {
        CapabilityTesting t = new CapabilityTesting(temp);
        ExtensionException missing = assertThrows(ExtensionException.class,
                () -> t.capabilities("secret.read *").secrets().read("db.password"));
        assertEquals("secret_not_found", missing.code());
    }

    @Test
    void namesThatCouldLeaveTheFolderAreRefusedEvenWithEveryNameGranted() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        secrets(t);
        Files.writeString(t.home.resolve("etc/palisade.properties"), "admin=x");
        Secrets secrets = t.capabilities("secret.read *").secrets();
        for (String name : new String[] {"../palisade.properties", "..", ".hidden", "a/b", "/etc/passwd", "", "a\0b",
                "x".repeat(129)}) {
            ExtensionException refused = assertThrows(ExtensionException.class, () -> secrets.read(name), name);
            assertEquals("invalid_secret_name", refused.code(), name);
        }
        assertEquals("secret name \"../palisade.properties\" is not valid; a name is 1 to 128 letters, digits, '.',"
                + " '_' or '-', starting with a letter or digit",
                assertThrows(ExtensionException.class, () -> secrets.read("../palisade.properties")).getMessage());
    }

    @Test
    void oversizedSecretsAreRefused() throws Exception {
        CapabilityTesting t = new CapabilityTesting(temp);
        Path folder = secrets(t);
        Files.writeString(folder.resolve("huge"), "x".repeat(GrantedSecrets.MAX_SECRET_BYTES + 1));
        assertEquals("secret_too_large", assertThrows(ExtensionException.class,
                () -> t.capabilities("secret.read huge").secrets().read("huge")).code());
    }
}
