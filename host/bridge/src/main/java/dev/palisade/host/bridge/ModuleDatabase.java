package dev.palisade.host.bridge;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The store's database as the protocol modules see it: each module brings its own tables as migration
 * scripts and then works on them in transactions of plain JDBC. Registered by the store bundle beside
 * {@link StoreAdmin}, once the database is open. Thread-safe.
 *
 * <p>Failures are {@link HostProblem}s: {@code store-unavailable} (503, the database cannot be reached;
 * within the store's fail-fast timeout), {@code store-busy} (503), {@code store-conflict} (409, a unique
 * key is taken), {@code store-failed} (500, naming the operation and the driver's message),
 * {@code store-migration-failed} (500).
 */
@ProviderType
public interface ModuleDatabase {

    /**
     * Applies a module's migration scripts that the database has not seen yet, in order, and records them
     * in the module's own history table ({@code flyway_<module>_history}), so modules migrate
     * independently of each other and of the store's own tables. Call it when the module starts.
     *
     * @param module  the module's name: lower-case letters, digits and underscores ({@code context})
     * @param loader  the class loader that reads the scripts (the module bundle's own)
     * @param scripts the script names, in version order, each {@code V<n>__<what>.sql}, read from
     *                {@code db/<module>/<name>} through {@code loader}; one SQL dialect for H2 and
     *                PostgreSQL (standard types, TIMESTAMP(6) in UTC, JSON as text in TEXT columns)
     * @return the module's schema version after migrating
     * @throws HostProblem {@code store-migration-failed} naming the module and the failing script
     */
    String migrate(String module, ClassLoader loader, List<String> scripts);

    /**
     * Runs {@code work} in one read-committed transaction on one pooled connection: committed when it
     * returns, rolled back when it throws.
     *
     * @param operation what the work does, in words, for messages ({@code "storing context 1234"})
     * @throws HostProblem as listed in the class comment; a {@link HostProblem} thrown by the work itself
     *                     rolls back and comes out unchanged
     */
    <T> T inTransaction(String operation, Work<T> work);

    /** @return {@code H2} or {@code POSTGRESQL} */
    String kind();

    /**
     * Work on one connection inside one transaction.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param connection the transaction's connection; do not commit, roll back or close it
         */
        T run(java.sql.Connection connection) throws java.sql.SQLException;
    }
}
