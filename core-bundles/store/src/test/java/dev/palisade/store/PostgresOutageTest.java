package dev.palisade.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.palisade.store.testing.PostgresServer;

/** Outages against a PostgreSQL server of its own, stopped and started again on its data and port. */
class PostgresOutageTest extends OutageContract {

    @TempDir
    Path dataDir;

    private EmbeddedPostgres pg;
    private int port;

    @Override
    StoreConfig startServer() {
        pg = PostgresServer.start(dataDir.resolve("pg"), port);
        port = pg.getPort();
        return StoreConfig.of(PostgresServer.url(pg, "postgres"), "postgres", null);
    }

    @Override
    void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }

    @Override
    StoreConfig unreachable() {
        return StoreConfig.of("jdbc:postgresql://127.0.0.1:1/palisade?password=hunter2", "palisade", "secret");
    }

    @Override
    String unreachableCause() {
        return "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the "
                + "postmaster is accepting TCP/IP connections.";
    }
}
