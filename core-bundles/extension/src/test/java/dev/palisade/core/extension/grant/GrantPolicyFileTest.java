package dev.palisade.core.extension.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.sandbox.permission.Permission;

class GrantPolicyFileTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @TempDir
    Path tmp;

    @Test
    void theShippedDefaultHasNoProfiles() {
        Path shipped = Path.of("../../host/distribution/src/main/dist/etc/grants.json");
        assertTrue(Files.isRegularFile(shipped), shipped.toAbsolutePath().toString());
        assertEquals(GrantPolicy.NONE, GrantPolicyFile.read(shipped));
    }

    @Test
    void aMissingFileGrantsNothing() {
        assertEquals(GrantPolicy.NONE, GrantPolicyFile.read(tmp.resolve("grants.json")));
    }

    @Test
    void profilesApplyByFingerprintOrSubjectAndGrantWhatTheyCover() throws Exception {
        Path file = tmp.resolve("grants.json");
        Files.writeString(file, """
                // in-house tools
                {"profiles": [
                  {"name": "in-house", "fingerprints": ["%s"],
                   "grant": [{"permission": "file.read", "target": "**"}, {"permission": "thread.create"}]},
                  /* everybody trusted may read one variable */
                  {"name": "all", "subjects": ["*"], "grant": [{"permission": "env.read", "target": "LANG"}],},
                ]}
                """.formatted(FINGERPRINT.toUpperCase().replaceAll("(..)(?!$)", "$1:")));
        GrantPolicy policy = GrantPolicyFile.read(file);
        List<Permission> requested = List.of(Permission.parse("file.read", "in/*.txt"),
                Permission.parse("file.write", "out/**"), Permission.parse("env.read", "LANG"),
                Permission.parse("thread.create", null));

        assertEquals(List.of(requested.get(0), requested.get(2), requested.get(3)),
                policy.autoGranted(FINGERPRINT, "CN=Someone", requested));
        assertEquals(List.of(requested.get(2)), policy.autoGranted("cd".repeat(32), "CN=Other", requested));
        assertEquals(List.of("in-house", "all"), policy.profilesFor(FINGERPRINT, "CN=x").stream()
                .map(GrantProfile::name).toList());
    }

    @Test
    void everyProblemIsNamedByPointer() {
        InvalidGrantPolicyException e = assertThrows(InvalidGrantPolicyException.class, () -> GrantPolicyFile.parse("""
                {"profiles": [
                  {"name": "a", "fingerprints": ["12:34"], "grant": [{"permission": "process.start", "target": "x"}]},
                  {"name": "", "subjects": ["CN=B"], "grant": [{"permission": "file.read", "target": "../etc/**"}],
                   "extra": 1},
                  {"name": "c", "grant": []}
                ]}
                """, "etc/grants.json"));
        assertEquals("""
                etc/grants.json is not a valid grant policy:
                  /profiles/0/fingerprints/0: "12:34" is not a SHA-256 fingerprint; write 64 hex digits (':' between\
                 pairs allowed), as GET /api/v1/mplp/extensions shows under fingerprint
                  /profiles/0/grant/0: %s
                  /profiles/1/extra: unknown field; use only fingerprints, grant, name, subjects
                  /profiles/1/name: must be a non-empty string naming the profile
                  /profiles/1/grant/0: path glob "../etc/**" contains '..'; name the folder itself (relative patterns\
                 stay inside the data folder)
                  /profiles/2: names no publisher; add "fingerprints" or "subjects" ("*" for every trusted publisher)
                fix each listed entry; the format is described in docs/EXTENSIONS.md (Grants)"""
                .formatted(assertThrows(IllegalArgumentException.class,
                        () -> Permission.parse("process.start", "x")).getMessage()), e.getMessage());
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        InvalidGrantPolicyException e = assertThrows(InvalidGrantPolicyException.class,
                () -> GrantPolicyFile.parse("{\n  \"profiles\": [\n}", "g.json"));
        assertTrue(e.getMessage().startsWith("g.json is not valid JSON (line 3, column 1): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; fix the syntax (comments are allowed)"), e.getMessage());
    }
}
