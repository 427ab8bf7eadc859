/**
 * The database: Galley's data source (embedded H2 or PostgreSQL, chosen by configuration), the Flyway
 * migrations that run before Hibernate validates the schema, and statement counting for diagnostics.
 */
package galley.database.control;
