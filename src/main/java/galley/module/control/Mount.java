package galley.module.control;

import java.util.Locale;

/**
 * Where Galley's API lives in the application that serves it. As {@code galley.war} Galley is the whole
 * application and its API is at {@code /api}; as a module in another application's WAR it lives under the
 * path the host mapped {@code galley.GalleyApplication} to (say {@code /cms/api}), and only requests under
 * that path are Galley's business. Galley's own rules are written for {@code /api} ("canonical" paths):
 * {@link #canonical} translates.
 * <p>
 * Set once per deployment by {@code galley.module.boundary.ModuleSetup} (declared only in the module jar's
 * web fragment); a static because the OpenAPI filter, which the server makes, needs it too.
 */
public final class Mount {

    /** The API's path in {@code galley.war}, and the one Galley's rules are written for. */
    public static final String CANONICAL = "/api";

    private static volatile Mount current = new Mount("", CANONICAL, false);

    private final String contextPath;
    private final String apiPath;
    private final boolean module;

    private Mount(String contextPath, String apiPath, boolean module) {
        this.contextPath = contextPath;
        this.apiPath = apiPath;
        this.module = module;
    }

    /** How this deployment serves Galley. */
    public static Mount current() {
        return current;
    }

    /** Galley as a module of a host application: its API at {@code apiPath} (relative to {@code contextPath}). */
    public static Mount module(String contextPath, String apiPath) {
        Mount mount = new Mount(trimmed(contextPath), trimmed(apiPath), true);
        current = mount;
        return mount;
    }

    /** Back to {@code galley.war}'s layout (when the module is undeployed; for tests). */
    public static void reset() {
        current = new Mount("", CANONICAL, false);
    }

    /**
     * The API's path from a servlet mapping such as {@code /cms/api/*} ({@code /*} is the context root, ""),
     * or null when the mapping is not a path prefix (Galley needs one).
     */
    public static String apiPathOf(String urlPattern) {
        if (urlPattern == null || !urlPattern.startsWith("/") || !urlPattern.endsWith("/*")) return null;
        String path = urlPattern.substring(0, urlPattern.length() - 2);
        return path.contains("*") ? null : trimmed(path);
    }

    /** Whether Galley runs as a module of another application (not as {@code galley.war}). */
    public boolean module() {
        return module;
    }

    /** The context root of the application that serves Galley ("" for the root; "" in galley.war's layout). */
    public String contextPath() {
        return contextPath;
    }

    /** The API's path relative to the context root: {@code /api}, or e.g. {@code /cms/api} in a host. */
    public String apiPath() {
        return apiPath;
    }

    /** The API's path on the server, context root included: what clients put in URLs. */
    public String publicApiPath() {
        return contextPath + apiPath;
    }

    /**
     * Whether a request for this path (decoded, relative to the context root) is Galley's: every path of
     * {@code galley.war}, only those under the API's path in a host.
     */
    public boolean covers(String path) {
        return !module || isUnder(normalise(path), apiPath);
    }

    /**
     * The path as Galley's rules know it ({@code /api/...}): in a host, the API's path is replaced by
     * {@code /api}; other paths (and every path of {@code galley.war}) are returned normalised.
     */
    public String canonical(String path) {
        String p = normalise(path);
        if (!module || apiPath.equals(CANONICAL) || !isUnder(p, apiPath)) return p;
        return CANONICAL + p.substring(apiPath.length());
    }

    /**
     * A canonical path ({@code /api/articles}) as a client must send it to this deployment, context root
     * included ({@code /host/cms/api/articles}); other paths unchanged.
     */
    public String published(String canonicalPath) {
        if (!module || !isUnder(canonicalPath, CANONICAL)) return canonicalPath;
        return publicApiPath() + canonicalPath.substring(CANONICAL.length());
    }

    private static boolean isUnder(String path, String prefix) {
        if (prefix.isEmpty()) return true;
        String p = path.toLowerCase(Locale.ROOT);
        String q = prefix.toLowerCase(Locale.ROOT);
        return p.equals(q) || p.startsWith(q + "/") || p.startsWith(q + ";");
    }

    private static String normalise(String path) {
        if (path == null || path.isEmpty()) return "/";
        String p = path.replaceAll("/{2,}", "/");
        return p.startsWith("/") ? p : "/" + p;
    }

    /** A path without a trailing slash ("" for the root). */
    private static String trimmed(String path) {
        if (path == null) return "";
        String p = path.replaceAll("/{2,}", "/");
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    @Override
    public String toString() {
        return module ? "module at " + publicApiPath() : "galley.war at " + CANONICAL;
    }
}
