package dev.palisade.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;

/**
 * The HikariCP pool and the one rule that tells an unreachable database from a busy pool.
 *
 * <p>Hikari waits at most {@code min(failFastTimeout, acquireTimeout)} per attempt. When an attempt
 * times out while connections could not be created, the database is unreachable and the caller gets
 * {@link StoreUnavailableException} at once; when it times out because all {@code maxSize}
 * connections are in use, the caller keeps waiting up to the pool's acquire timeout and then gets
 * {@link StoreBusyException}. Hikari keeps creating connections in the background, so the pool
 * heals when the database returns. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {

    static final String POOL_NAME = "palisade-store";

    private final HikariDataSource hikari;
    private final DataSource direct;
    private final StoreConfig config;

    private ConnectionPool(HikariDataSource hikari, DataSource direct, StoreConfig config) {
        this.hikari = hikari;
        this.direct = direct;
        this.config = config;
    }

    /** @throws StoreUnavailableException with one line naming the database and the cause */
    static ConnectionPool open(StoreConfig config) {
        PoolSettings pool = config.pool();
        long attempt = attemptMillis(config);
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(POOL_NAME);
        DataSource direct = config.kind().dataSource(config.url(), config.user(), config.password(),
                config.failFastTimeout());
        hc.setDataSource(direct);
        hc.setMinimumIdle(pool.minIdle());
        hc.setMaximumPoolSize(pool.maxSize());
        hc.setConnectionTimeout(attempt);
        hc.setValidationTimeout(Math.max(250, Math.min(5_000, attempt / 2)));
        hc.setIdleTimeout(pool.idleTimeout().toMillis());
        hc.setMaxLifetime(Math.max(Duration.ofMinutes(30).toMillis(), pool.idleTimeout().toMillis() + 60_000));
        hc.setInitializationFailTimeout(config.failFastTimeout().toMillis());
        hc.setConnectionInitSql(config.kind().sessionInitSql());
        hc.setAutoCommit(true);
        try {
            probe(direct);
            return new ConnectionPool(new HikariDataSource(hc), direct, config);
        } catch (SQLException | PoolInitializationException e) {
            throw new StoreUnavailableException(config.redactedUrl(), "cannot open the store: " + describe(config)
                    + " is unreachable (" + SqlErrors.causeLine(e) + "); start the database or fix "
                    + StoreConfig.URL + ", " + StoreConfig.USER + " and " + StoreConfig.PASSWORD_ENV, e);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(config.redactedUrl(), "cannot open the store: " + describe(config)
                    + " failed (" + SqlErrors.causeLine(e) + ")", e);
        }
    }

    /**
     * One direct connection before the pool exists: an unreachable database then fails here, with the
     * driver's own exception, instead of inside Hikari, which logs its stack trace at ERROR.
     */
    private static void probe(DataSource direct) throws SQLException {
        try (Connection c = direct.getConnection()) {
            // reachable
        }
    }

    private static String describe(StoreConfig config) {
        return config.kind() + " database " + config.redactedUrl()
                + (config.user() == null ? "" : " as user " + config.user());
    }

    private static long attemptMillis(StoreConfig config) {
        return Math.max(250, Math.min(config.failFastTimeout().toMillis(), config.pool().acquireTimeout().toMillis()));
    }

    /**
     * @return the driver's data source, unpooled, for Flyway at open: Flyway holds two connections at
     *         once (lock and work), which must not come out of a pool that may be configured with one
     */
    DataSource unpooled() {
        return direct;
    }

    /**
     * @param operation what the caller is doing, for the message
     * @return a pooled connection; closing it returns it to the pool
     * @throws StoreUnavailableException within the fail-fast timeout when the database is unreachable
     * @throws StoreBusyException after the acquire timeout when every connection stayed in use
     */
    Connection acquire(String operation) {
        return acquire(operation, config.pool().acquireTimeout());
    }

    /** As {@link #acquire(String)}, waiting for a busy pool at most {@code busyWait}. */
    Connection acquire(String operation, Duration busyWait) {
        if (hikari.isClosed()) {
            throw new StoreException(operation + " failed: the store is closed");
        }
        long deadline = System.nanoTime() + busyWait.toNanos();
        while (true) {
            try {
                return hikari.getConnection();
            } catch (SQLException e) {
                if (hikari.isClosed()) {
                    throw new StoreException(operation + " failed: the store is closed", e);
                }
                if (!isPoolExhausted(e)) {
                    throw SqlErrors.unavailable(operation, config.redactedUrl(), e);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new StoreBusyException(operation + " failed: all " + config.pool().maxSize()
                            + " connections to " + config.redactedUrl() + " stayed in use for "
                            + busyWait.toMillis() + " ms; raise " + StoreConfig.POOL_MAX
                            + " or find what holds them", e);
                }
            }
        }
    }

    private boolean isPoolExhausted(SQLException e) {
        var bean = hikari.getHikariPoolMXBean();
        return e.getCause() == null && bean != null && bean.getActiveConnections() >= config.pool().maxSize();
    }

    /**
     * Takes {@code connection} out of the pool when {@code failure} says it is dead. Hikari evicts on
     * SQLState 08 by itself, but not on H2's "database closed" codes nor on a failed validity check.
     */
    void evictIfBroken(Connection connection, Throwable failure) {
        if (failure == null || SqlErrors.isConnectionFailure(failure)) {
            hikari.evictConnection(connection);
        }
    }

    /** @return connections in use right now */
    int activeConnections() {
        var bean = hikari.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    @Override
    public void close() {
        hikari.close();
    }
}
