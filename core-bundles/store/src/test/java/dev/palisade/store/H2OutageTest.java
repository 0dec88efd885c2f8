package dev.palisade.store;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.tools.Server;
import org.junit.jupiter.api.io.TempDir;

/** Outages against an H2 TCP server, which can be stopped and started under a running store. */
class H2OutageTest extends OutageContract {

    @TempDir
    Path base;

    private Server server;
    private int port;

    @Override
    StoreConfig startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", base.toString(), "-ifNotExists")
                .start();
        port = server.getPort();
        return StoreConfig.of("jdbc:h2:tcp://localhost:" + port + "/./store", "palisade", "secret");
    }

    @Override
    void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    StoreConfig unreachable() {
        return StoreConfig.of("jdbc:h2:tcp://127.0.0.1:1/./store;PASSWORD=hunter2", "palisade", "secret");
    }

    @Override
    String unreachableCause() {
        return "Connection is broken: \"java.net.ConnectException: Connection refused: 127.0.0.1:1\" [90067-232]";
    }
}
