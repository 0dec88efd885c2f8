package dev.palisade.store;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the store runs on, and every way they differ for it. Nothing outside this enum
 * branches on the database.
 */
public enum DatabaseKind {

    /** H2 2.x, embedded file database (or any H2 URL). */
    H2("jdbc:h2:") {
        @Override
        DataSource dataSource(String url, String user, String password, Duration connectTimeout) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(durableUrl(url));
            ds.setUser(user);
            ds.setPassword(password == null ? "" : password);
            return ds;
        }

        @Override
        String sessionInitSql() {
            // H2 gives up on a row lock after 1 s by default; audit appends queue on one row.
            return "SET LOCK_TIMEOUT 10000";
        }

        @Override
        int snapshotIsolation() {
            // H2's MVStore reads one snapshot for the whole transaction at SERIALIZABLE (reads only).
            return Connection.TRANSACTION_SERIALIZABLE;
        }

        /** Commits reach the file before they are acknowledged, so a killed process loses none. */
        private String durableUrl(String url) {
            return url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
        }
    },

    /** PostgreSQL 12 or newer. */
    POSTGRESQL("jdbc:postgresql:") {
        @Override
        DataSource dataSource(String url, String user, String password, Duration connectTimeout) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            if (user != null) {
                ds.setUser(user);
            }
            if (password != null) {
                ds.setPassword(password);
            }
            int seconds = (int) Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
            ds.setConnectTimeout(seconds);
            ds.setLoginTimeout(seconds);
            ds.setApplicationName("palisade");
            // batched INSERTs travel as multi-row statements (the trace module's span batches, restores)
            ds.setReWriteBatchedInserts(true);
            return ds;
        }

        @Override
        String sessionInitSql() {
            return null;
        }

        @Override
        int snapshotIsolation() {
            // REPEATABLE READ is snapshot isolation in PostgreSQL; read-only, it never fails to serialize.
            return Connection.TRANSACTION_REPEATABLE_READ;
        }
    };

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /**
     * @param url a JDBC URL
     * @return the kind of database the URL names
     * @throws StoreConfigException when it names neither H2 nor PostgreSQL
     */
    public static DatabaseKind ofUrl(String url) {
        for (DatabaseKind kind : values()) {
            if (url != null && url.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new StoreConfigException("palisade.db.url", "[" + JdbcUrls.redact(url)
                + "] is not a supported database; use jdbc:postgresql://HOST:PORT/DB or jdbc:h2:file:PATH");
    }

    /** @return a driver data source for the pool; no DriverManager, so it works in any class loader */
    abstract DataSource dataSource(String url, String user, String password, Duration connectTimeout);

    /** @return SQL run on every new connection, or {@code null} */
    abstract String sessionInitSql();

    /** @return the JDBC isolation level that gives one consistent read snapshot */
    abstract int snapshotIsolation();
}
