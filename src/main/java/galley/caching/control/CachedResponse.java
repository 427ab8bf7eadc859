package galley.caching.control;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A public answer as it was sent: its bytes, strong ETag, media type and the headers the resource set
 * (Content-Language, Link, X-Total-Count, Vary), stamped with the content generation it was rendered in, and
 * the operation that rendered it (so a repeated read is counted under it in the metrics, though no resource
 * runs). Serializable: in a cluster it lives in the data grid.
 */
public record CachedResponse(long generation, byte[] body, String etag, String mediaType,
                             Map<String, List<String>> headers, String operation) implements Serializable {
}
