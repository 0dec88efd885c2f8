package dev.palisade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.palisade.store.audit.AuditEvent;

/**
 * What the store does when its database is unreachable at open, goes away while running, and comes
 * back; run against a database server each subclass can stop and start.
 */
abstract class OutageContract {

    static final Duration FAIL_FAST = Duration.ofSeconds(2);

    /** Starts (or restarts, keeping its data) the server; returns settings that reach it. */
    abstract StoreConfig startServer() throws Exception;

    abstract void stopServer() throws Exception;

    /** @return settings naming a server that does not exist (a closed port), with a password in the URL */
    abstract StoreConfig unreachable();

    /** @return the driver's one-line reason for {@link #unreachable()} */
    abstract String unreachableCause();

    @Test
    void anUnreachableDatabaseAtOpenIsOneClearLineWithoutThePassword() {
        StoreConfig config = unreachable();
        long start = System.nanoTime();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> Store.open(config));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < 10_000, "took " + ms + " ms");
        assertEquals("cannot open the store: " + config.kind() + " database " + config.redactedUrl() + " as user "
                + config.user() + " is unreachable (" + unreachableCause() + "); start the database or fix "
                + "palisade.db.url, palisade.db.user and PALISADE_DB_PASSWORD", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(config.redactedUrl(), e.database());
    }

    @Test
    void aDatabaseLostWhileRunningFailsCallsFastAndTheStoreRecoversWhenItReturns() throws Exception {
        StoreConfig config = startServer().withFailFastTimeout(FAIL_FAST)
                .withPool(PoolSettings.DEFAULTS.withMinIdle(2).withMaxSize(5));
        try (Store s = Store.open(config)) {
            s.audit().append(new AuditEvent("admin", "before.outage", null, Map.of()));
            assertTrue(s.healthy());

            stopServer();
            long start = System.nanoTime();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                    () -> s.audit().append(new AuditEvent("admin", "during.outage", null, Map.of())));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < FAIL_FAST.toMillis() + 3_000, "a call took " + ms + " ms to fail");
            assertTrue(e.getMessage().startsWith("appending during.outage to the audit log failed: the database "
                    + config.redactedUrl() + " is unreachable ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("); calls fail until it is back"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());

            StoreHealth down = s.health();
            assertFalse(down.up());
            assertTrue(down.latency().toMillis() < FAIL_FAST.toMillis() + 3_000, down.toString());
            assertTrue(down.problem().contains("is unreachable"), down.problem());

            startServer();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!s.healthy()) {
                assertTrue(System.nanoTime() < deadline, "the store did not recover within 30 s: " + s.health());
                Thread.sleep(200);
            }
            s.audit().append(new AuditEvent("admin", "after.outage", null, Map.of()));
            assertEquals(2, s.audit().size());
            assertTrue(s.audit().verify().intact());
        } finally {
            stopServer();
        }
    }
}
