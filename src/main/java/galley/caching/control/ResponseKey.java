package galley.caching.control;

/**
 * The key of a cached public answer: everything a public read depends on. The absolute request URI
 * (Link headers are absolute, so scheme, host and port matter; path and query pick the content),
 * Accept-Language (the negotiated language) and Accept (another media type is another answer). Accept headers
 * that can only mean the JSON every public read gives (none, {@code *}{@code /*}, {@code application/json},
 * {@code application/*}) are one key: curl, fetch and HTTP libraries differ in what they send by default.
 */
public final class ResponseKey {

    /** Public reads that are kept: content until it changes, search answers for a bounded time ({@link #followsIndex}). */
    private static final String[] CACHED_PATHS = {"articles", "authors", "tags", "search"};

    private ResponseKey() {
    }

    public static String of(String absoluteUri, String acceptLanguage, String accept) {
        // Length-prefixed, so no header value can pass for another field.
        String language = acceptLanguage == null ? "" : acceptLanguage.strip();
        String type = json(accept) ? "" : accept.strip();
        return language.length() + ":" + language + type.length() + ":" + type + absoluteUri;
    }

    private static boolean json(String accept) {
        if (accept == null) return true;
        String type = accept.strip().toLowerCase(java.util.Locale.ROOT);
        return type.isEmpty() || type.equals("*/*") || type.equals("application/json") || type.equals("application/*");
    }

    /** Whether {@code path} (relative to /api) is a public read whose answer may be kept. */
    public static boolean cacheable(String path) {
        String p = relative(path);
        for (String prefix : CACHED_PATHS) {
            if (under(p, prefix)) return true;
        }
        return false;
    }

    /**
     * Whether the answer follows the search index rather than the database commit. The index may catch up
     * after the commit that changed the content (at once with Lucene, within a second or so with OpenSearch's
     * outbox), so an answer rendered in between could carry the new generation and old hits: such answers are
     * kept only for a short, configured time, besides being dropped by every change.
     */
    public static boolean followsIndex(String path) {
        return under(relative(path), "search");
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
