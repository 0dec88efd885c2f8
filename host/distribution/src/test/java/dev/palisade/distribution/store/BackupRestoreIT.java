package dev.palisade.distribution.store;

import static dev.palisade.distribution.store.PalisadeProcess.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.distribution.DistributionHome;

/**
 * Backup while the host runs and writes, a wiped home, restore, the audit chain verified, a tampered
 * entry found: all through {@code bin/palisade} of the real distribution on its embedded H2 database.
 */
class BackupRestoreIT {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @TempDir
    Path temp;

    static HttpResponse<String> append(int port, String action) throws IOException {
        return postJson(port, "api/v1/admin/audit", "{\"actor\":\"it\",\"action\":\"" + action
                + "\",\"target\":\"store\",\"details\":{\"n\":1,\"note\":\"caf\\u00e9 \\\"q\\\"\"}}");
    }

    static long seqOf(HttpResponse<String> response) {
        Matcher m = SEQ.matcher(response.body());
        assertTrue(m.find(), response.body());
        return Long.parseLong(m.group(1));
    }

    @Test
    void backupWhileRunningThenWipeAndRestoreGivesEqualDataAndTheChainVerifies() throws Exception {
        Path logs = temp.resolve("logs");
        Path a = DistributionHome.copyInto(Files.createDirectories(temp.resolve("a")));
        Path backup = temp.resolve("backups/palisade.gz");
        int port = DistributionHome.freePort();
        try (PalisadeProcess host = PalisadeProcess.start(a, logs, "host-a", Map.of(), "run", "--home", a.toString(),
                "--port", Integer.toString(port))) {
            host.awaitReady(port);
            for (int i = 0; i < 40; i++) {
                assertEquals(201, append(port, "seed." + i).statusCode());
            }
            // Writers keep going while the backup streams: it must still be one consistent snapshot.
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        if (append(port, "during.backup").statusCode() == 201) {
                            written.incrementAndGet();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            writer.start();
            PalisadeProcess taken = PalisadeProcess.run(a, logs, "backup", Map.of(), "backup", backup.toString(),
                    "--home", a.toString());
            stop.set(true);
            writer.join();
            assertEquals(0, taken.exitCode(), taken.output());
            assertTrue(taken.out().startsWith("backing up through the host running at http://127.0.0.1:" + port + "/\n"),
                    taken.output());
            assertTrue(taken.out().contains("  received 100% ("), taken.output());
            assertTrue(taken.out().contains("backup written to " + backup + ": "), taken.output());
            assertTrue(written.get() > 0, "no write went on during the backup");

            PalisadeProcess verify = PalisadeProcess.run(a, logs, "verify-running", Map.of(), "audit", "verify",
                    "--home", a.toString());
            assertEquals(0, verify.exitCode(), verify.output());
            assertTrue(verify.out().matches("audit log intact: \\d+ entries, chain verified\n"), verify.output());

            PalisadeProcess refused = PalisadeProcess.run(a, logs, "restore-running", Map.of(), "restore",
                    backup.toString(), "--home", a.toString());
            assertEquals(4, refused.exitCode(), refused.output());
            assertEquals("palisade: cannot restore: a host runs on " + a + " (port " + port + ") and a restore would"
                    + " replace the store under it; stop the host first, then run palisade restore again\n", refused.err());

            assertEquals(201, append(port, "after.backup").statusCode()); // newer than the backup
            host.stop();
        }

        // A fresh home: nothing of a's store.
        Path b = DistributionHome.copyInto(Files.createDirectories(temp.resolve("b")));
        PalisadeProcess restore = PalisadeProcess.run(b, logs, "restore", Map.of(), "restore", backup.toString(),
                "--home", b.toString());
        assertEquals(0, restore.exitCode(), restore.output());
        assertTrue(restore.out().contains("  audit_log: "), restore.output());
        assertTrue(restore.out().contains("\nrestored "), restore.output());
        List<String> original = StoreRows.auditOf(a);
        List<String> restored = StoreRows.auditOf(b);
        assertTrue(restored.size() >= 40 && restored.size() < original.size(), restored.size() + " of " + original.size());
        assertEquals(original.subList(0, restored.size()), restored);
        assertTrue(restore.out().endsWith("audit log intact: " + restored.size() + " entries, chain verified\n"),
                restore.output());
        PalisadeProcess verifyB = PalisadeProcess.run(b, logs, "verify-b", Map.of(), "audit", "verify", "--home",
                b.toString());
        assertEquals(0, verifyB.exitCode(), verifyB.output());
        assertEquals("audit log intact: " + restored.size() + " entries, chain verified\n", verifyB.out());

        // a holds newer data: refused without --force, replaced with it.
        PalisadeProcess newer = PalisadeProcess.run(a, logs, "restore-newer", Map.of(), "restore", backup.toString(),
                "--home", a.toString());
        assertEquals(4, newer.exitCode(), newer.output());
        assertTrue(newer.err().startsWith("palisade: the store holds data from "), newer.output());
        assertTrue(newer.err().endsWith("restoring would lose it: take a backup first, then restore with --force\n"),
                newer.output());
        assertEquals(original, StoreRows.auditOf(a));
        PalisadeProcess forced = PalisadeProcess.run(a, logs, "restore-force", Map.of(), "restore", backup.toString(),
                "--force", "--home", a.toString());
        assertEquals(0, forced.exitCode(), forced.output());
        assertEquals(restored, StoreRows.auditOf(a));

        // A hand-edited entry in b's stopped database is named.
        String seed6 = restored.stream().filter(r -> r.contains("|seed.6|")).findFirst().orElseThrow();
        String seq = seed6.substring(0, seed6.indexOf('|'));
        try (Connection c = StoreRows.h2(b)) {
            assertEquals(1, StoreRows.update(c, "UPDATE audit_log SET actor = 'mallory' WHERE seq = " + seq));
        }
        PalisadeProcess tampered = PalisadeProcess.run(b, logs, "verify-tampered", Map.of(), "audit", "verify",
                "--home", b.toString());
        assertEquals(3, tampered.exitCode(), tampered.output());
        assertTrue(tampered.err().startsWith("palisade: audit log broken at entry " + seq + " (CONTENT_CHANGED): entry " + seq + " (seed.6"
                + " by mallory at "), tampered.output());
        assertTrue(tampered.err().endsWith(": a field was changed after it was written\n"), tampered.output());
        assertEquals("", tampered.out());
    }
}
