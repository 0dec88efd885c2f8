package dev.palisade.distribution.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.distribution.DistributionHome;

/** A host killed with SIGKILL in the middle of a burst of audited writes loses none that it acknowledged. */
class KillNineIT {

    @TempDir
    Path temp;

    @Test
    void killNineDuringABurstOfAuditedWritesLosesNoAcknowledgedWrite() throws Exception {
        Path logs = temp.resolve("logs");
        Path home = DistributionHome.copyInto(Files.createDirectories(temp.resolve("h")));
        int port = DistributionHome.freePort();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try (PalisadeProcess host = PalisadeProcess.start(home, logs, "host", Map.of(), "run", "--home", home.toString(),
                "--port", Integer.toString(port))) {
            host.awaitReady(port);
            CountDownLatch enough = new CountDownLatch(200);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String action = "burst.writer" + w;
                Thread t = new Thread(() -> {
                    while (true) {
                        HttpResponse<String> r;
                        try {
                            r = BackupRestoreIT.append(port, action);
                        } catch (IOException killed) {
                            return; // the host is gone: this write was never acknowledged
                        }
                        if (r.statusCode() == 201) {
                            acknowledged.put(BackupRestoreIT.seqOf(r), action);
                            enough.countDown();
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            enough.await();
            host.kill9();
            for (Thread t : writers) {
                t.join(30_000);
            }
            assertEquals(137, host.exitCode(), host.output());
        }
        assertTrue(acknowledged.size() >= 200, "acknowledged " + acknowledged.size());

        List<String> stored = StoreRows.auditOf(home);
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            long seq = e.getKey();
            assertTrue(seq <= stored.size(), "acknowledged entry " + seq + " is missing; the log holds " + stored.size());
            assertTrue(stored.get((int) seq - 1).startsWith(seq + "|it|" + e.getValue() + "|"), stored.get((int) seq - 1));
        }
        PalisadeProcess verify = PalisadeProcess.run(home, logs, "verify", Map.of(), "audit", "verify", "--home",
                home.toString());
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("audit log intact: " + stored.size() + " entries, chain verified\n", verify.out());
    }
}
