package dev.palisade.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Turns driver and pool exceptions into the store's typed exceptions with one-line messages. */
final class SqlErrors {

    /** H2 error codes that mean the connection or database is gone. */
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_DATABASE_SHUTDOWN = 90121;

    private SqlErrors() {
    }

    /** @return true when the exception means the database cannot be reached (not a bad statement) */
    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException e) {
                String state = e.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                int code = e.getErrorCode();
                if (code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED || code == H2_DATABASE_SHUTDOWN) {
                    return true;
                }
            }
            if (c instanceof java.net.ConnectException || c instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** @return the most telling message in the chain, on one line, without the pool's own wrapper text */
    static String causeLine(Throwable t) {
        Throwable pick = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            pick = c;
            if (!isPoolWrapper(c) && c.getMessage() != null) {
                break;
            }
        }
        String msg = pick.getMessage() == null ? pick.getClass().getSimpleName() : pick.getMessage();
        return oneLine(msg);
    }

    /** @return the first non-blank line of {@code s}, whitespace collapsed, at most 400 characters */
    static String oneLine(String s) {
        String first = s.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        String flat = first.replaceAll("\\s+", " ").trim();
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }

    private static boolean isPoolWrapper(Throwable c) {
        String name = c.getClass().getName();
        String msg = c.getMessage();
        return name.startsWith("com.zaxxer.hikari")
                || (msg != null && msg.startsWith(ConnectionPool.POOL_NAME + " - "));
    }

    /**
     * @param operation what the store was doing, for example {@code "appending to the audit log"}
     * @return the typed exception for {@code e}
     */
    static StoreException translate(String operation, String database, SQLException e) {
        if (isConnectionFailure(e)) {
            return unavailable(operation, database, e);
        }
        if (isUniqueViolation(e)) {
            return new StoreConflictException(operation + " failed: the row already exists (" + causeLine(e) + ")", e);
        }
        return new StoreException(operation + " failed on " + database + ": " + causeLine(e), e);
    }

    static StoreUnavailableException unavailable(String operation, String database, Throwable e) {
        return new StoreUnavailableException(database, operation + " failed: the database " + database
                + " is unreachable (" + causeLine(e) + "); calls fail until it is back", e);
    }
}
