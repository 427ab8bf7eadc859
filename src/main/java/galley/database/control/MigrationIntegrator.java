package galley.database.control;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Runs the Flyway migrations while Hibernate builds the session factory, before it validates the
 * schema: the entity manager factory is created during deployment, earlier than any startup bean.
 * Registered in {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public class MigrationIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(MigrationIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                          SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class).unwrap(DataSource.class);
        long started = System.nanoTime();
        Flyway flyway = Flyway.configure(MigrationIntegrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                // The one type the two databases spell differently (V11, Hibernate Search's outbox).
                .placeholders(java.util.Map.of("binary_type", binaryType(dataSource)))
                .load();
        MigrateResult result = flyway.migrate();
        MigrationState.markMigrated(result.targetSchemaVersion != null
                ? result.targetSchemaVersion : flyway.info().current().getVersion().getVersion());
        LOG.info(() -> "Database schema at version %s (%d migration(s) applied in %d ms)".formatted(
                MigrationState.version(), result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000));
    }

    /** How this database names the byte-array columns Hibernate maps (Hibernate's schema validation compares them). */
    static String binaryType(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "bytea" : "blob";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate its schema", e);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory,
                             org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        MigrationState.reset();
    }
}
