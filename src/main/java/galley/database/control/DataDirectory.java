package galley.database.control;

import java.nio.file.Path;

/**
 * Where Galley keeps local state on a single node: the embedded database (and, later, the search index).
 * Read from the system property {@code galley.data.dir} or the environment variable {@code GALLEY_DATA_DIR};
 * default {@code data/} in the working directory.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve() {
        String configured = System.getProperty("galley.data.dir");
        if (configured == null || configured.isBlank()) configured = System.getenv("GALLEY_DATA_DIR");
        if (configured == null || configured.isBlank()) configured = "data";
        return Path.of(configured).toAbsolutePath().normalize();
    }
}
