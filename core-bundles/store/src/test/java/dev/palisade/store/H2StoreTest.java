package dev.palisade.store;

/** The store contract on H2 (embedded file databases). */
class H2StoreTest extends StoreContract {

    private static final H2Databases DATABASES = new H2Databases();

    @Override
    TestDatabase databases() {
        return DATABASES;
    }

    @Override
    DatabaseKind expectedKind() {
        return DatabaseKind.H2;
    }
}
