package dev.palisade.core.execute.store;

import java.nio.file.Path;

import dev.palisade.store.testing.TestModuleDatabase;

/** The execute tables' tests on a real PostgreSQL (embedded), where the module's SQL runs in production. */
class ExecutionStoreOnPostgresTest extends ExecutionStoreTest {

    @Override
    TestModuleDatabase openDatabase(Path data) {
        return TestModuleDatabase.onPostgres();
    }
}
