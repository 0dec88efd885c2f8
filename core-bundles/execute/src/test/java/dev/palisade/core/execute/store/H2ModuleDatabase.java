package dev.palisade.core.execute.store;

import java.nio.file.Path;
import java.util.List;

import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.store.Store;
import dev.palisade.store.StoreConfig;

/** The bridge's {@link ModuleDatabase} over a real H2 store in a folder, as the store bundle provides it. */
public final class H2ModuleDatabase implements ModuleDatabase, AutoCloseable {

    private final Store store;

    public H2ModuleDatabase(Path folder) {
        this.store = Store.open(StoreConfig.h2In(folder));
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
