package galley.caching.control;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A public answer as it was sent: its bytes, strong ETag, media type and the headers the resource set
 * (Content-Language, Link, X-Total-Count, Vary), stamped with the content generation it was rendered in, and
 * the operation that rendered it (so a repeated read is counted under it in the metrics, though no resource
 * runs), and the time it may be served until ({@link #UNTIL_CHANGED}: as long as its generation is current).
 * Serializable: in a cluster it lives in the data grid.
 */
public record CachedResponse(long generation, byte[] body, String etag, String mediaType,
                             Map<String, List<String>> headers, String operation, long keptUntilMillis) implements Serializable {

    /** Served until the next content change, however long that takes. */
    public static final long UNTIL_CHANGED = Long.MAX_VALUE;

    public boolean servableAt(long nowMillis) {
        return nowMillis < keptUntilMillis;
    }
}
