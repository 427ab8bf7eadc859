package galley.database.control;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread, so a request can report how many
 * it ran (see {@code galley.diagnostics}). Registered as Hibernate's statement inspector; it never
 * changes the SQL.
 */
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
    }

    /** Starts counting afresh for the current thread. */
    public static void reset() {
        COUNT.get()[0] = 0;
    }

    /** Statements prepared on the current thread since the last {@link #reset()}. */
    public static int count() {
        return COUNT.get()[0];
    }
}
