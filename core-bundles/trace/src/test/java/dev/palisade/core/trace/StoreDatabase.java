package dev.palisade.core.trace;

import java.util.List;

import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.store.Store;

/**
 * The bridge's {@link ModuleDatabase} over a real {@link Store} (H2 or PostgreSQL), as the store bundle
 * registers it, minus the translation of store exceptions into problems.
 */
public final class StoreDatabase implements ModuleDatabase {

    private final Store store;

    public StoreDatabase(Store store) {
        this.store = store;
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
}
