package galley.requests.control;

import java.util.Locale;

/**
 * The parts of Galley that differ in who may call them from other sites: the public read API, the
 * signed-in API (admin and authentication), and the rest (API document, health, error pages).
 */
public enum ApiArea {

    /** {@code /api/...} except the two below: open to front ends on other origins. */
    PUBLIC,
    /** {@code /api/admin/...} and {@code /api/auth/...}: closed to other origins unless listed. */
    SIGNED_IN,
    /** Everything outside {@code /api}. */
    OTHER;

    /**
     * The area of a decoded path relative to the context root ({@code /api/admin/articles}). Repeated
     * slashes and letter case do not move a path out of the signed-in area.
     */
    public static ApiArea of(String path) {
        String p = normalise(path).toLowerCase(Locale.ROOT);
        if (isUnder(p, "/api/admin") || isUnder(p, "/api/auth")) return SIGNED_IN;
        if (isUnder(p, "/api")) return PUBLIC;
        return OTHER;
    }

    /** {@code path} with a leading slash and without repeated slashes. */
    public static String normalise(String path) {
        if (path == null || path.isEmpty()) return "/";
        // On every request: no regular expression unless there is something to collapse.
        String p = path.contains("//") ? path.replaceAll("/{2,}", "/") : path;
        return p.startsWith("/") ? p : "/" + p;
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ";");
    }
}
