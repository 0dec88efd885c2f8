package dev.palisade.core.confirm;

import java.nio.file.Path;

import dev.palisade.store.testing.TestModuleDatabase;

/** The confirm module's tests on a real PostgreSQL (embedded), where the module's SQL runs in production. */
class ConfirmServiceOnPostgresTest extends ConfirmServiceTest {

    @Override
    TestModuleDatabase openDatabase(Path dir) {
        return TestModuleDatabase.onPostgres();
    }
}
