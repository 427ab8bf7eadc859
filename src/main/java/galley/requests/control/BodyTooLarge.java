package galley.requests.control;

import java.io.IOException;

/**
 * Thrown by {@link LimitedInputStream} while a body is read: an I/O failure, so that whoever reads the
 * body stops at once; the boundary turns it into a 413.
 */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The {@code BodyTooLarge} among the causes of {@code e}, if any (readers wrap I/O failures). */
    public static BodyTooLarge in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) return tooLarge;
            if (t.getCause() == t) break;
        }
        return null;
    }
}
