package dev.palisade.store.testing;

import java.nio.file.Path;
import java.util.List;

import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;
import dev.palisade.store.osgi.ModuleDatabaseService;

/**
 * The bridge's {@link ModuleDatabase} over a real store, as the store bundle registers it (migrations by
 * Flyway, transactions on the pool, store failures as {@code HostProblem}s), for protocol modules' unit tests.
 * Closing it closes the store. Thread-safe.
 */
public final class TestModuleDatabase implements ModuleDatabase, AutoCloseable {

    private final Store store;
    private final ModuleDatabase service;

    private TestModuleDatabase(Store store) {
        this.store = store;
        this.service = new ModuleDatabaseService(store);
    }

    /** @return a database over a new H2 store in {@code dataDir}, laid out as the host lays out its data folder */
    public static TestModuleDatabase h2In(Path dataDir) {
        return over(Store.open(StoreConfig.h2In(dataDir)));
    }

    /** @return a database over a new, empty database on the JVM's shared embedded PostgreSQL */
    public static TestModuleDatabase onPostgres() {
        return over(Store.open(PostgresServer.shared().fresh()));
    }

    /** @return a database over {@code store}, which {@link #close()} closes */
    public static TestModuleDatabase over(Store store) {
        return new TestModuleDatabase(store);
    }

    @Override
    public String migrate(String module, ClassLoader loader, List<String> scripts) {
        return service.migrate(module, loader, scripts);
    }

    @Override
    public <T> T inTransaction(String operation, Work<T> work) {
        return service.inTransaction(operation, work);
    }

    @Override
    public String kind() {
        return service.kind();
    }

    @Override
    public void close() {
        store.close();
    }
}
