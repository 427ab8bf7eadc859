package galley.database.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void connectionFailuresAnywhereInTheChainMeanTheDatabaseIsUnavailable() {
        // As the pool, Hibernate and JTA wrap PostgreSQL's "connection refused" (SQL state 08001).
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertTrue(DatabaseFailures.unavailable(new RuntimeException("commit failed", new IllegalStateException(refused))));
        assertTrue(DatabaseFailures.unavailable(new SQLTransientConnectionException("no connection")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("sorry, too many clients already", "53300")));
        BatchUpdateException batch = new BatchUpdateException("batch failed", "XX000", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertTrue(DatabaseFailures.unavailable(batch));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseFailures.unavailable(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseFailures.unavailable(new RuntimeException(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseFailures.unavailable(new IllegalStateException("no database involved")));
        RuntimeException loop = new RuntimeException("a cause chain that loops");
        assertFalse(DatabaseFailures.unavailable(new RuntimeException(loop)));
    }
}
