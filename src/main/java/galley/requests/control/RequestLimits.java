package galley.requests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How much of a request Galley reads: body sizes by path, JSON nesting depth. */
@ApplicationScoped
public class RequestLimits {

    /** The bulk import, the one operation whose bodies are legitimately large. */
    public static final String IMPORT_PATH = "/api/admin/articles/import";

    @Inject
    @ConfigProperty(name = "galley.requests.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "galley.requests.max-import-bytes", defaultValue = "33554432")
    long maxImportBytes;

    @Inject
    @ConfigProperty(name = "galley.requests.max-json-depth", defaultValue = "32")
    int maxJsonDepth;

    /** The largest body accepted at {@code path} (relative to the context root, e.g. {@code /api/articles}). */
    public long bodyLimit(String path) {
        return bodyLimit(path, maxBodyBytes, maxImportBytes);
    }

    static long bodyLimit(String path, long body, long importing) {
        String p = ApiArea.normalise(path);
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.equals(IMPORT_PATH) ? Math.max(body, importing) : body;
    }

    public int maxJsonDepth() {
        return maxJsonDepth;
    }
}
