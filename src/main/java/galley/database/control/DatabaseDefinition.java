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
        maxIdleTime = 300,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class DatabaseDefinition {
    public static final String JNDI_NAME = "java:app/jdbc/galley";
}
