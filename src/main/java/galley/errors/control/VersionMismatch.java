package galley.errors.control;

/** The caller edited an older version than the current one (a stale If-Match): its change would be lost. */
public class VersionMismatch extends GalleyException {

    private final long currentVersion;

    public VersionMismatch(String what, long expected, long currentVersion) {
        super("The " + what + " is at version " + currentVersion + ", not " + expected
                + ": someone changed it since you read it. Read it again and reapply your change.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
