package galley.database.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Galley's one data source. Its settings are resolved by the server when the WAR is deployed, from
 * system properties or environment variables only ({@code GALLEY_DB_URL}, {@code GALLEY_DB_USER},
 * {@code GALLEY_DB_PASSWORD}); without a URL it is the embedded H2 database under the data directory.
 * The pool is bounded: connections wait rather than overload the database.
 */
@DataSourceDefinition(
        name = DatabaseDefinition.JNDI_NAME,
        className = "galley.database.control.ConfiguredDataSource",
        url = "${MPCONFIG=galley.db.url:" + ConfiguredDataSource.EMBEDDED + "}",
        user = "${MPCONFIG=galley.db.user:}",
        password = "${MPCONFIG=galley.db.password:}",
        minPoolSize = 2,
        maxPoolSize = 24,
        // Seconds to open a connection: a database that does not answer is reported, not waited for.
        loginTimeout = 5,
        maxIdleTime = 300,
        properties = {
                // Each connection is checked with a round trip (JDBC 4 isValid) before it is handed out: after an
                // outage, a dead connection is found there, and fail-all drops every other one with it, so the
                // pool reconnects by itself once the database is back. (The driver's meta-data check did not
                // reach the server: dead connections passed it.)
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                // A request waits at most this long for a free connection, then answers 503 (not a minute, the default).
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=galley.db.pool.max-wait-millis:10000}"
        })
@ApplicationScoped
public class DatabaseDefinition {
    public static final String JNDI_NAME = "java:app/jdbc/galley";
}
