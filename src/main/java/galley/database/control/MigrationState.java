package galley.database.control;

/** Whether this deployment's migrations have completed; read by the readiness check. */
public final class MigrationState {

    private static volatile String version;

    private MigrationState() {
    }

    static void markMigrated(String schemaVersion) {
        version = schemaVersion;
    }

    static void reset() {
        version = null;
    }

    public static boolean migrated() {
        return version != null;
    }

    public static String version() {
        return version;
    }
}
