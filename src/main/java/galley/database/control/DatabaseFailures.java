package galley.database.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure that means "the database cannot be reached now" (stopped, restarting, unreachable, no
 * connection free in the pool) from any other: such a request is answered 503 and may be retried, and the
 * pool heals by itself once the database is back. Recognised anywhere in the cause chain, since the pool,
 * Hibernate, JTA and CDI each wrap it: connection exceptions, SQL states of class 08 (connection exception)
 * and 57P (PostgreSQL shutting down or starting), 53300 (too many connections), and the server pool's own
 * allocation failures (Jakarta Connectors' {@code ResourceException}, named rather than referenced: the
 * class belongs to the server).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) return true;
            if (isNamed(t, "org.hibernate.exception.JDBCConnectionException", "jakarta.resource.ResourceException")) return true;
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null && seen.put(next, Boolean.TRUE) == null; next = next.getNextException()) {
                    if (connectionState(next.getSQLState())) return true;
                }
            }
        }
        return false;
    }

    static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    private static boolean isNamed(Throwable t, String... names) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            for (String name : names) {
                if (c.getName().equals(name)) return true;
            }
        }
        return false;
    }
}
