package galley.caching.control;

/**
 * The key of a cached public answer: everything a public read depends on. The absolute request URI
 * (Link headers are absolute, so scheme, host and port matter; path and query pick the content),
 * Accept-Language (the negotiated language) and Accept (another media type is another answer).
 */
public final class ResponseKey {

    /** Public content reads that are cached; search follows its index, not the database commit, and is not. */
    private static final String[] CACHED_PATHS = {"articles", "authors", "tags"};

    private ResponseKey() {
    }

    public static String of(String absoluteUri, String acceptLanguage, String accept) {
        // Length-prefixed, so no header value can pass for another field.
        String language = acceptLanguage == null ? "" : acceptLanguage.strip();
        String type = accept == null ? "" : accept.strip();
        return language.length() + ":" + language + type.length() + ":" + type + absoluteUri;
    }

    /** Whether {@code path} (relative to /api) is a public read whose answer may be kept. */
    public static boolean cacheable(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (String prefix : CACHED_PATHS) {
            if (p.equals(prefix) || p.startsWith(prefix + "/")) return true;
        }
        return false;
    }
}
