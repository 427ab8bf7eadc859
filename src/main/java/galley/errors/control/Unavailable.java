package galley.errors.control;

import java.time.Duration;

/**
 * A feature this server is not set up for, or a service it depends on that is away (503), such as sign-in
 * without a signing key or search while the search cluster does not answer. With a {@link #retryAfter()},
 * the answer says when to try again.
 */
public class Unavailable extends GalleyException {

    private final Duration retryAfter;

    public Unavailable(String message) {
        this(message, null);
    }

    public Unavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When to try again, or null when waiting will not help (a missing setting). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
