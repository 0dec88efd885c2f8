package dev.palisade.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import dev.palisade.store.audit.AuditLog;
import dev.palisade.store.backup.Backups;
import dev.palisade.store.deployments.DeploymentHistory;
import dev.palisade.store.grants.Grants;

/**
 * One open store: the pool, the migrated schema and the repositories over it. Thread-safe; open one
 * per host and share it. {@link #close()} closes the pool; calls after that fail with
 * {@link StoreException}.
 */
public final class Store implements AutoCloseable {

    private final StoreConfig config;
    private final ConnectionPool pool;
    private final String schemaVersion;
    private final Transactions transactions;
    private final DeploymentHistory deployments;
    private final Grants grants;
    private final AuditLog audit;
    private final Backups backups;

    private Store(StoreConfig config, ConnectionPool pool, String schemaVersion, Clock clock) {
        this.config = config;
        this.pool = pool;
        this.schemaVersion = schemaVersion;
        this.transactions = new Transactions(pool, config.kind(), config.redactedUrl());
        this.deployments = new DeploymentHistory(transactions);
        this.grants = new Grants(transactions, clock);
        this.audit = new AuditLog(transactions, clock);
        this.backups = new Backups(transactions, schemaVersion, clock);
    }

    /** Opens the store with the system clock (UTC). */
    public static Store open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * Connects, migrates the schema to this build's version, and returns the ready store.
     *
     * @param clock the time written into grants and audit entries
     * @throws StoreUnavailableException when the database cannot be reached (one line: URL without
     *                                   password, user, cause), within the fail-fast timeout
     * @throws StoreMigrationException   when the schema cannot be brought up to date
     */
    public static Store open(StoreConfig config, Clock clock) {
        ConnectionPool pool = ConnectionPool.open(config);
        try {
            String version = Migrations.migrate(pool.unpooled(), config.redactedUrl());
            return new Store(config, pool, version, clock);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Migrates one protocol module's own tables (see {@code ModuleDatabase.migrate} in the bridge).
     *
     * @return the module's schema version
     * @throws StoreMigrationException naming the module and the failing script
     */
    public String migrateModule(String module, ClassLoader loader, java.util.List<String> scripts) {
        return Migrations.migrateModule(pool.unpooled(), config.redactedUrl(), module, loader, scripts);
    }

    public Transactions transactions() {
        return transactions;
    }

    public DeploymentHistory deployments() {
        return deployments;
    }

    public Grants grants() {
        return grants;
    }

    public AuditLog audit() {
        return audit;
    }

    public Backups backups() {
        return backups;
    }

    public DatabaseKind kind() {
        return config.kind();
    }

    /** @return the database's URL without credentials */
    public String database() {
        return config.redactedUrl();
    }

    /** @return the schema version the database is at, for example {@code "1"} */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Probes the database through the pool: takes a connection and asks the driver whether it is
     * alive. Returns within about the fail-fast timeout, whatever the database does. Never throws.
     */
    public StoreHealth health() {
        String operation = "checking the store's health";
        long start = System.nanoTime();
        Duration wait = config.failFastTimeout();
        String problem;
        try (Connection c = pool.acquire(operation, wait)) {
            int seconds = (int) Math.max(1, wait.toSeconds());
            try {
                if (c.isValid(seconds)) {
                    return new StoreHealth(true, kind(), database(), Duration.ofNanos(System.nanoTime() - start), null);
                }
            } catch (SQLException e) {
                pool.evictIfBroken(c, e);
                throw e;
            }
            pool.evictIfBroken(c, null);
            problem = operation + " failed: the database " + database() + " is unreachable (no answer within "
                    + seconds + " s); calls fail until it is back";
        } catch (StoreException e) {
            problem = e.getMessage();
        } catch (SQLException e) {
            problem = SqlErrors.translate(operation, database(), e).getMessage();
        }
        return new StoreHealth(false, kind(), database(), Duration.ofNanos(System.nanoTime() - start), problem);
    }

    /** @return {@code health().up()} */
    public boolean healthy() {
        return health().up();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Store[" + kind() + " " + database() + ", schema " + schemaVersion + "]";
    }
}
