package vn.motcua.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database could not be reached: the server is down or restarting, the network to it is cut, or no connection
 * came free in time. It is the server's failure, never the caller's, so it is answered {@code 503 Service
 * Unavailable} with {@code Retry-After} (RFC 9110 §15.6.4, §10.2.3) wherever it surfaces, never as a 4xx (which
 * would tell the caller its request was wrong) nor as a 500 (which says nothing about trying again).
 *
 * <p>Recognised anywhere in the cause chain, since each layer wraps it in its own exception (a transaction that
 * could not begin, a password that could not be checked, a filter's {@code ServletException}): Spring's resource
 * failures, JDBC's connection exceptions, and PostgreSQL's SQLState class 08 (connection exception) and 57P01–57P03
 * (the server shut down, crashed or is starting up); a commit or rollback that failed; and behind a rollback that
 * failed, the failure it overrode (which tells whether a retry may help).
 */
public class DatabaseUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How long a caller should wait before trying again: about the time a PostgreSQL restart takes. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public DatabaseUnavailable(Throwable cause) {
        super("The database cannot be reached", cause);
    }

    /** Whether {@code failure}, or anything it was caused by, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause : chain(failure).keySet()) {
            if (cause instanceof DatabaseUnavailable
                    || cause instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException too
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException // Hikari: no connection within its timeout
                    || cause instanceof SQLNonTransientConnectionException
                    // A commit or a rollback that failed at the JDBC level (not a conflict, which has its own
                    // exception): the connection is gone, whatever the request did. Measured at PostgreSQL's crash:
                    // a commit failed on the reset connection, then its rollback on the closed one.
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is a connection that broke while in use (the server restarted under it), which a new
     * connection may well not share: worth one retry where repeating is harmless. Not when no connection could be
     * had at all: the pool has already waited its full timeout for one, and a retry would only double the wait.
     */
    public static boolean isBrokenConnection(Throwable failure) {
        boolean broken = false;
        for (Throwable cause : chain(failure).keySet()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException) {
                return false;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                broken = true;
            }
        }
        return broken;
    }

    /** SQLState class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now. */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** The failure and its causes (and an SQLException's next exceptions), each once. */
    private static Map<Throwable, Boolean> chain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty() && seen.size() < 50) {
            Throwable next = todo.poll();
            if (seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (next.getCause() != null) {
                todo.add(next.getCause());
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            // A transaction whose statement failed on a broken connection then fails to roll back on it ("Connection
            // is closed", no SQLState): the failure that tells is the one the rollback overrode.
            if (next instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                todo.add(tx.getApplicationException());
            }
        }
        return seen;
    }
}
