package galley.errors.boundary;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, sent back in {@code X-Request-Id} and named in problems and in the server
 * log, so a user's error report leads to the log line. A well-formed id from a proxy is kept. Mapped in
 * {@code web.xml} (in a host application, under Galley's path by {@code galley.module.boundary.ModuleSetup}).
 */
public class RequestIds implements Filter {

    public static final String HEADER = "X-Request-Id";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RequestIds.class.getName());
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String id = of(request);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        chain.doFilter(req, res);
        // Refusals and changes are logged with their id; successful reads, the bulk of the traffic, are not.
        int status = response.getStatus();
        boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
        if (status >= 400 || change) {
            LOG.info(() -> String.format("request %s: %s %s -> %d in %d ms", id, request.getMethod(),
                    abbreviate(request.getRequestURI()), status, (System.nanoTime() - started) / 1_000_000));
        }
    }

    private static String abbreviate(String uri) {
        return uri.length() > 200 ? uri.substring(0, 200) + "..." : uri;
    }

    /** The id of this request, assigned on first use. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String incoming = request.getHeader(HEADER);
            id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : newId();
            request.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id must be unique, not unpredictable, and
     * {@link UUID#randomUUID()} takes a lock around the platform's SecureRandom on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
