package dev.palisade.core.confirm;

import java.nio.file.Path;
import java.util.List;

import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;

/**
 * The real store on an H2 file database in a test's folder, seen through the bridge's
 * {@link ModuleDatabase} as the store bundle registers it (migrations by Flyway, transactions on the pool).
 */
final class StoreDatabase implements ModuleDatabase, AutoCloseable {

    private final Store store;

    StoreDatabase(Path dataDir) {
        this.store = Store.open(StoreConfig.h2In(dataDir));
    }

    @Override
    public String migrate(String module, ClassLoader loader, List<String> scripts) {
        return store.migrateModule(module, loader, scripts);
    }

    @Override
    public <T> T inTransaction(String operation, Work<T> work) {
        return store.transactions().inTransaction(operation, work::run);
    }

    @Override
    public String kind() {
        return store.kind().name();
    }

    @Override
    public void close() {
        store.close();
    }
}
