package dev.palisade.core.trace;

import java.nio.file.Path;

import dev.palisade.store.testing.TestModuleDatabase;

/** The recording path's tests on a real PostgreSQL (embedded), where the module's SQL runs in production. */
class TraceServiceOnPostgresTest extends TraceServiceTest {

    @Override
    TestModuleDatabase openDatabase(Path dir) {
        return TestModuleDatabase.onPostgres();
    }
}
