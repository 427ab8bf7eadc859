package galley.security.control;

/**
 * The caller of the request the current thread serves, set by the authentication filter for the length of
 * the request and read by {@link AccessControl} and the revision stamps. A thread that serves no
 * authenticated request (anonymous readers, the scheduler, executors) has none.
 *
 * <p>Kept by Galley rather than read from Jakarta Security's {@code SecurityContext}: the container's
 * authentication step cost about a third of a cached public read (the README's read benchmark), for
 * requests that, in their great majority, carry no credentials at all.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    /** The current caller, or null when the thread serves no authenticated request. */
    public static Caller current() {
        return CURRENT.get();
    }

    /** Makes {@code caller} current and returns the one it replaces, to hand back to {@link #restore}. */
    public static Caller enter(Caller caller) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        return previous;
    }

    public static void restore(Caller previous) {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}
