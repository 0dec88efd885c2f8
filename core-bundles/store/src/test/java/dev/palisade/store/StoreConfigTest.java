package dev.palisade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {

    @TempDir
    Path tmp;

    @Test
    void theDefaultIsAnH2FileInTheDataFolderWithTheProtocolsPool() {
        StoreConfig c = StoreConfig.fromSettings(Map.of(StoreConfig.DATA_DIR, tmp.toString()), Map.of());
        assertEquals("jdbc:h2:file:" + tmp.toAbsolutePath() + "/db/palisade;DB_CLOSE_ON_EXIT=FALSE", c.url());
        assertEquals(DatabaseKind.H2, c.kind());
        assertEquals("palisade", c.user());
        assertEquals(new PoolSettings(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(10)), c.pool());
        assertEquals(Duration.ofSeconds(3), c.failFastTimeout());
        assertFalse(c.hasPassword());
    }

    @Test
    void theEmbeddedDatabaseIsCreatedUnderDataDb() {
        try (Store s = Store.open(StoreConfig.h2In(tmp))) {
            assertEquals("2", s.schemaVersion());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("db/palisade.mv.db")));
    }

    @Test
    void postgresqlByUrlWithEveryPoolSettingOverriddenAndThePasswordFromTheEnvironmentOnly() {
        StoreConfig c = StoreConfig.fromSettings(Map.of(
                StoreConfig.DATA_DIR, tmp.toString(),
                StoreConfig.URL, "jdbc:postgresql://db.internal:5432/palisade",
                StoreConfig.USER, "palisade",
                StoreConfig.POOL_MIN, "2",
                StoreConfig.POOL_MAX, "8",
                StoreConfig.POOL_ACQUIRE_TIMEOUT, "PT5S",
                StoreConfig.POOL_IDLE_TIMEOUT, "120000",
                StoreConfig.FAIL_FAST_TIMEOUT, "PT1S",
                "palisade.db.password", "from-settings-is-ignored"),
                Map.of(StoreConfig.PASSWORD_ENV, "s3cret"));
        assertEquals(DatabaseKind.POSTGRESQL, c.kind());
        assertEquals(new PoolSettings(2, 8, Duration.ofSeconds(5), Duration.ofMinutes(2)), c.pool());
        assertEquals(Duration.ofSeconds(1), c.failFastTimeout());
        assertEquals("s3cret", c.password());
        assertEquals("StoreConfig[jdbc:postgresql://db.internal:5432/palisade, user=palisade, password=***, "
                + "PoolSettings[minIdle=2, maxSize=8, acquireTimeout=PT5S, idleTimeout=PT2M], failFast=PT1S]",
                c.toString());
        assertNull(StoreConfig.fromSettings(Map.of(StoreConfig.URL, "jdbc:postgresql://h/db"), Map.of()).password());
    }

    @Test
    void aSmallMaximumLowersTheDefaultMinimum() {
        StoreConfig c = StoreConfig.fromSettings(Map.of(StoreConfig.DATA_DIR, tmp.toString(),
                StoreConfig.POOL_MAX, "3"), Map.of());
        assertEquals(3, c.pool().minIdle());
    }

    @Test
    void badSettingsNameTheSettingAndWhatIsAccepted() {
        assertEquals("store setting [palisade.db.url]: no database configured: set palisade.db.url "
                + "(jdbc:postgresql://HOST:PORT/DB) or palisade.data.dir for the embedded H2 database",
                assertThrows(StoreConfigException.class, () -> StoreConfig.fromSettings(Map.of(), Map.of()))
                        .getMessage());
        assertEquals("store setting [palisade.db.url]: [jdbc:mysql://h/db?password=***] is not a supported "
                + "database; use jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH",
                assertThrows(StoreConfigException.class, () -> StoreConfig.fromSettings(
                        Map.of(StoreConfig.URL, "jdbc:mysql://h/db?password=x"), Map.of())).getMessage());
        assertEquals("store setting [palisade.db.pool.max]: expected a whole number, was [many]",
                assertThrows(StoreConfigException.class, () -> StoreConfig.fromSettings(
                        Map.of(StoreConfig.DATA_DIR, "d", StoreConfig.POOL_MAX, "many"), Map.of())).getMessage());
        assertEquals("store setting [palisade.db.pool.min]: must be between 0 and palisade.db.pool.max (4), was 9",
                assertThrows(StoreConfigException.class, () -> StoreConfig.fromSettings(
                        Map.of(StoreConfig.DATA_DIR, "d", StoreConfig.POOL_MAX, "4", StoreConfig.POOL_MIN, "9"),
                        Map.of())).getMessage());
        assertEquals("store setting [palisade.db.pool.acquire-timeout]: expected a duration like PT30S or "
                + "milliseconds, was [soon]", assertThrows(StoreConfigException.class, () -> StoreConfig.fromSettings(
                        Map.of(StoreConfig.DATA_DIR, "d", StoreConfig.POOL_ACQUIRE_TIMEOUT, "soon"), Map.of()))
                        .getMessage());
    }

    @Test
    void passwordsNeverAppearInPrintedUrls() {
        assertEquals("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true",
                JdbcUrls.redact("jdbc:postgresql://h:5432/db?user=u&password=p4ss&ssl=true"));
        assertEquals("jdbc:postgresql://u:***@h/db", JdbcUrls.redact("jdbc:postgresql://u:p4ss@h/db"));
        assertEquals("jdbc:h2:tcp://h/./x;PASSWORD=***;IFEXISTS=TRUE",
                JdbcUrls.redact("jdbc:h2:tcp://h/./x;PASSWORD=p4ss;IFEXISTS=TRUE"));
    }
}
