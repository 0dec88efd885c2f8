package dev.palisade.store.osgi;

import java.util.List;
import java.util.Map;

import dev.palisade.host.bridge.HostProblem;
import dev.palisade.host.bridge.ModuleDatabase;
import dev.palisade.store.Store;
import dev.palisade.store.StoreException;
import dev.palisade.store.StoreMigrationException;

/**
 * The bridge's {@link ModuleDatabase} over the open store. Thread-safe. Public only so that the store's
 * test-jar ({@code dev.palisade.store.testing}) hands modules' unit tests the same service; the bundle exports
 * no package, so nothing outside the store reaches it at runtime.
 */
public final class ModuleDatabaseService implements ModuleDatabase {

    private final Store store;

    /** @param store the open store; its owner closes it */
    public ModuleDatabaseService(Store store) {
        this.store = store;
    }

    @Override
    public String migrate(String module, ClassLoader loader, List<String> scripts) {
        try {
            return store.migrateModule(module, loader, scripts);
        } catch (StoreMigrationException e) {
            HostProblem problem = new HostProblem(500, "store-migration-failed", "Store migration failed",
                    e.getMessage(), Map.of("module", module));
            problem.initCause(e);
            throw problem;
        } catch (StoreException e) {
            throw StoreProblems.of(e);
        }
    }

    @Override
    public <T> T inTransaction(String operation, Work<T> work) {
        try {
            return store.transactions().inTransaction(operation, work::run);
        } catch (StoreException e) {
            throw StoreProblems.of(e);
        }
    }

    @Override
    public String kind() {
        return store.kind().name();
    }
}
