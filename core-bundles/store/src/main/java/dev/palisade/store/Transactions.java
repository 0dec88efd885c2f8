package dev.palisade.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on one pooled connection: commit when the work returns, roll back
 * when it throws. Driver exceptions come out as {@link StoreException}s naming the operation.
 * Thread-safe; each call takes its own connection.
 */
public final class Transactions {

    private final ConnectionPool pool;
    private final DatabaseKind kind;
    private final String database;

    Transactions(ConnectionPool pool, DatabaseKind kind, String database) {
        this.pool = pool;
        this.kind = kind;
        this.database = database;
    }

    /**
     * Runs {@code work} in a read-committed read-write transaction.
     *
     * @param operation what the work does, in words, for error messages ("recording a deployment")
     * @throws StoreException (or a subtype) when the database refuses or cannot be reached; the
     *                        transaction is rolled back
     */
    public <T> T inTransaction(String operation, SqlWork<T> work) {
        return run(operation, Connection.TRANSACTION_READ_COMMITTED, work);
    }

    /**
     * Runs {@code work} in a transaction that sees one consistent snapshot of every table for its
     * whole length, while other writers go on (backups, verification). Meant for reads.
     */
    public <T> T inSnapshot(String operation, SqlWork<T> work) {
        return run(operation, kind.snapshotIsolation(), work);
    }

    private <T> T run(String operation, int isolation, SqlWork<T> work) {
        try (Connection c = pool.acquire(operation)) {
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(isolation);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                pool.evictIfBroken(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(operation, database, e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** @return the kind of database the transactions run on */
    public DatabaseKind kind() {
        return kind;
    }
}
