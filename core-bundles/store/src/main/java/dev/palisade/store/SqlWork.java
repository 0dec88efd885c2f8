package dev.palisade.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection inside one transaction; see {@link Transactions}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {

    /**
     * @param connection the transaction's connection; do not commit, roll back or close it
     * @return the result handed back by {@link Transactions}
     */
    T run(Connection connection) throws SQLException;
}
