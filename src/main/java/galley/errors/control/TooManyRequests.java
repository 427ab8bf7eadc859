package galley.errors.control;

import java.time.Duration;

/** The caller must wait before trying again (429), for instance after too many failed sign-ins. */
public class TooManyRequests extends GalleyException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long to wait, at least a second. */
    public Duration retryAfter() {
        return retryAfter.getSeconds() < 1 ? Duration.ofSeconds(1) : retryAfter;
    }
}
