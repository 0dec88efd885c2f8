package dev.palisade.core.extension.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.sandbox.permission.Permission;

class FileGrantStoreTest {

    private static final String ID = "5b0c7a4e-2f1d-4c1e-9a7b-3d2f1e0c9b8a";

    @TempDir
    Path tmp;

    @Test
    void approvalsSurviveANewStoreOnTheSameFolderUntilDeleted() {
        StoredGrant grant = new StoredGrant(ID, "ff", List.of(Permission.parse("net.connect", "127.0.0.1:8080"),
                Permission.parse("thread.create", null)), Instant.parse("2026-01-02T03:04:05Z"));
        new FileGrantStore(tmp.resolve("grants")).save(grant);

        FileGrantStore reopened = new FileGrantStore(tmp.resolve("grants"));
        assertEquals(Optional.of(grant), reopened.find(ID));
        assertEquals(Optional.empty(), reopened.find("other"));
        assertEquals(List.of(ID + ".json"), List.of(tmp.resolve("grants").toFile().list()));

        reopened.delete(ID);
        assertEquals(Optional.empty(), reopened.find(ID));
    }

    @Test
    void aDamagedFileIsReportedWithWhatToDo() throws Exception {
        Files.createDirectories(tmp.resolve("grants"));
        Files.writeString(tmp.resolve("grants/" + ID + ".json"), "{\"extension\": 1}");
        GrantStoreException e = assertThrows(GrantStoreException.class, () -> new FileGrantStore(tmp.resolve("grants")).find(ID));
        assertTrue(e.getMessage().startsWith("the approvals of extension " + ID + " in " + tmp.resolve("grants/" + ID + ".json")
                + " are malformed: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; delete the file (its extension then waits for approval again)"), e.getMessage());
    }

    @Test
    void idsThatAreNotFileNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FileGrantStore(tmp).find("../x"));
        assertEquals("extension id '../x' cannot name a grant file; ids are letters, digits, '.', '_' and '-'", e.getMessage());
    }
}
