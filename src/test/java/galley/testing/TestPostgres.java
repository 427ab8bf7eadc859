package galley.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL of a test's own (the embedded one the suite uses, started from Maven artifacts) that the test
 * may stop and start again on the same data directory and port, as an outage would: the Galley nodes keep
 * their settings and must find it again by themselves.
 */
public final class TestPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private TestPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A fresh database cluster in {@code dataDirectory} (emptied first), on a free port. */
    public static TestPostgres startFresh(Path dataDirectory) {
        TestEnvironment.deleteRecursively(dataDirectory);
        TestPostgres db = new TestPostgres(dataDirectory.toAbsolutePath(), GalleyProcess.freePort());
        db.start();
        return db;
    }

    /** Starts (again) on the same data directory and port; the data of earlier runs is kept. */
    public synchronized void start() {
        if (postgres != null) return;
        try {
            // Never cleaned by the library: it would delete the data directory when closed, and a restart must find it.
            postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended, as when the database goes away). */
    public synchronized void stop() {
        if (postgres == null) return;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public synchronized boolean running() {
        return postgres != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() {
        stop();
    }
}
