package dev.palisade.distribution.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.distribution.DistributionHome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The distribution on other databases than its embedded H2 file: an unreachable one at start, an H2 TCP
 * server that goes away and comes back under a running host, and a real PostgreSQL that a backup taken
 * on H2 is restored into.
 */
class DatabaseIT {

    private static final Map<String, String> PASSWORD = Map.of("PALISADE_DB_PASSWORD", "s3cret");

    @TempDir
    Path temp;

    @Test
    void anUnreachableDatabaseGivesOneLineAndExit1AndAPasswordFlagIsRefused() throws IOException {
        Path logs = temp.resolve("logs");
        Path home = DistributionHome.copyInto(Files.createDirectories(temp.resolve("h")));
        int closed = DistributionHome.freePort();
        PalisadeProcess run = PalisadeProcess.run(home, logs, "unreachable", PASSWORD, "run", "--home", home.toString(),
                "--port", "0", "--db-url", "jdbc:postgresql://127.0.0.1:" + closed + "/palisade", "--db-user", "app");
        assertEquals(1, run.exitCode(), run.output());
        List<String> lines = run.err().lines().toList();
        assertEquals("palisade: cannot start: cannot open the store: POSTGRESQL database jdbc:postgresql://127.0.0.1:"
                + closed + "/palisade as user app is unreachable (Connection to 127.0.0.1:" + closed + " refused. Check"
                + " that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.);"
                + " start the database or fix palisade.db.url, palisade.db.user and PALISADE_DB_PASSWORD",
                lines.get(lines.size() - 1), run.output());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("palisade:")).count(), run.output());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "a stack trace:\n" + run.output());
        assertFalse(run.output().contains("s3cret"), run.output());

        PalisadeProcess flag = PalisadeProcess.run(home, logs, "password-flag", Map.of(), "run", "--home", home.toString(),
                "--db-password", "s3cret");
        assertEquals(2, flag.exitCode(), flag.output());
        assertTrue(flag.err().startsWith("palisade: --db-password is not accepted: a password on the command line shows"
                + " in the process list and the shell history; set the environment variable PALISADE_DB_PASSWORD instead\n"),
                flag.output());
    }

    @Test
    void healthTurns503WhileTheDatabaseIsGoneAnd200WhenItReturnsWithoutARestart() throws Exception {
        Path logs = temp.resolve("logs");
        Path home = DistributionHome.copyInto(Files.createDirectories(temp.resolve("h")));
        Path dbDir = Files.createDirectories(temp.resolve("h2-server"));
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dbDir.toString(), "-ifNotExists").start();
        int dbPort = server.getPort();
        int port = DistributionHome.freePort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/./palisade";
        try (PalisadeProcess host = PalisadeProcess.start(home, logs, "host", PASSWORD, "run", "--home", home.toString(),
                "--port", Integer.toString(port), "--db-url", url, "--db-user", "palisade")) {
            host.awaitReady(port);
            assertEquals(201, BackupRestoreIT.append(port, "before.outage").statusCode());

            server.stop();
            HttpResponse<String> down = awaitHealth(port, 503);
            assertTrue(down.body().startsWith("{\"status\":\"store-unavailable\""), down.body());
            assertTrue(down.body().contains("\"store\":{\"status\":\"down\",\"database\":\"H2\",\"problem\":\""
                    + "checking the store's health failed: the database " + url), down.body());
            long start = System.nanoTime();
            HttpResponse<String> refused = BackupRestoreIT.append(port, "during.outage");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("")
                    .replace(";charset=utf-8", "").replace(";charset=UTF-8", ""), refused.body());
            assertTrue(refused.body().startsWith("{\"type\":\"urn:palisade:problem:store-unavailable\",\"title\":"
                    + "\"Store unavailable\",\"status\":503,\"detail\":\"appending during.outage to the audit log failed:"
                    + " the database " + url), refused.body());
            assertTrue(millis < 10_000, "the call took " + millis + " ms to fail");

            server = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-baseDir", dbDir.toString(),
                    "-ifNotExists").start();
            HttpResponse<String> up = awaitHealth(port, 200);
            assertTrue(up.body().contains("\"store\":{\"status\":\"up\",\"database\":\"H2\"}"), up.body());
            assertEquals(201, BackupRestoreIT.append(port, "after.outage").statusCode());
            host.stop();
        } finally {
            server.stop();
        }
    }

    @Test
    void aBackupTakenOnH2RestoresIntoPostgresql() throws Exception {
        Path logs = temp.resolve("logs");
        Path h2Home = DistributionHome.copyInto(Files.createDirectories(temp.resolve("trial")));
        int port = DistributionHome.freePort();
        try (PalisadeProcess host = PalisadeProcess.start(h2Home, logs, "trial", Map.of(), "run", "--home",
                h2Home.toString(), "--port", Integer.toString(port))) {
            host.awaitReady(port);
            for (int i = 0; i < 25; i++) {
                assertEquals(201, BackupRestoreIT.append(port, "trial." + i).statusCode());
            }
            host.stop();
        }
        Path backup = temp.resolve("trial.gz");
        PalisadeProcess taken = PalisadeProcess.run(h2Home, logs, "backup", Map.of(), "backup", backup.toString(),
                "--home", h2Home.toString());
        assertEquals(0, taken.exitCode(), taken.output());
        assertTrue(taken.out().startsWith("backing up the store of " + h2Home + "\n"), taken.output());
        assertTrue(taken.out().contains("  audit_log: 26 rows copied\n"), taken.output()); // the sample's deployment and 25
        List<String> trial = StoreRows.auditOf(h2Home);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                StoreRows.update(c, "CREATE DATABASE palisade");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/palisade";
            Path prodHome = DistributionHome.copyInto(Files.createDirectories(temp.resolve("production")));
            PalisadeProcess restore = PalisadeProcess.run(prodHome, logs, "restore-pg", PASSWORD, "restore",
                    backup.toString(), "--home", prodHome.toString(), "--db-url", url, "--db-user", "postgres");
            assertEquals(0, restore.exitCode(), restore.output());
            assertTrue(restore.out().contains("restored 27 rows (deployments 1, grants 0, audit_log 26, "), // + module tables
                    restore.output());
            assertTrue(restore.out().contains(", trace_spans 0) from H2,"), restore.output());
            assertTrue(restore.out().endsWith("audit log intact: 26 entries, chain verified\n"), restore.output());

            int prodPort = DistributionHome.freePort();
            try (PalisadeProcess prod = PalisadeProcess.start(prodHome, logs, "production", PASSWORD, "run", "--home",
                    prodHome.toString(), "--port", Integer.toString(prodPort), "--db-url", url, "--db-user", "postgres")) {
                prod.awaitReady(prodPort);
                HttpResponse<String> health = PalisadeProcess.get(prodPort, "health");
                assertTrue(health.body().contains("\"store\":{\"status\":\"up\",\"database\":\"POSTGRESQL\"}"),
                        health.body());
                PalisadeProcess verify = PalisadeProcess.run(prodHome, logs, "verify-pg", Map.of(), "audit", "verify",
                        "--home", prodHome.toString());
                assertEquals(0, verify.exitCode(), verify.output());
                assertEquals("audit log intact: 27 entries, chain verified\n", verify.out()); // + the sample deployed again
                assertEquals(28, BackupRestoreIT.seqOf(BackupRestoreIT.append(prodPort, "in.production")));
                prod.stop();
            }
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                List<String> production = StoreRows.rows(c, StoreRows.AUDIT);
                assertEquals(28, production.size());
                assertEquals(trial, production.subList(0, 26));
            }
        } catch (SQLException e) {
            fail("PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> awaitHealth(int port, int status) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = PalisadeProcess.get(port, "health");
            if (last.statusCode() == status) {
                return last;
            }
            PalisadeProcess.sleep(200);
        }
        fail("/health did not answer " + status + " within 30 s; last " + (last == null ? null : last.statusCode() + " "
                + last.body()));
        return last;
    }
}
