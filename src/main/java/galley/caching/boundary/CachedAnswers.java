package galley.caching.boundary;

import galley.caching.control.CachedResponse;
import galley.caching.control.PublicResponses;
import galley.caching.control.Renderings;
import galley.caching.control.ResponseKey;
import galley.errors.boundary.RequestIds;
import galley.metrics.boundary.OperationNames;
import galley.module.control.Mount;
import galley.requests.control.ApiArea;
import galley.requests.control.CorsPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a repeated public read from {@link PublicResponses} at the servlet level, before JAX-RS: no
 * resource matching, no provider chains, no entity writer; the bytes, ETag and headers that were kept
 * when the answer was first rendered, or 304. Requests that miss the same key while it is being rendered wait for
 * that rendering ({@link Renderings}) instead of rendering it again. This is the read path's fast lane (see the README's read
 * benchmark); everything else goes down the filter chain as before, where {@link PublicResponseCache}
 * serves the same kept answers to requests this filter leaves alone.
 *
 * <p>It leaves alone whatever needs more than the kept answer: requests with an {@code Origin} header
 * (CORS headers depend on it), anything but GET, and paths that are not cached public reads. The headers
 * it adds are those the JAX-RS filters add to a kept answer (request id, {@code Vary}, the statement
 * count when diagnostics are on); {@code HttpCachingTests} holds the two paths to the same headers.
 * Mapped in {@code web.xml} after the security headers (in a host application, by
 * {@code galley.module.boundary.ModuleSetup}, under Galley's path).
 */
public class CachedAnswers extends HttpFilter {

    private static final String ACCEPT_LANGUAGE = "Accept-Language";
    private static final String VARY = "Vary";
    static final String MISSED = CachedAnswers.class.getName() + ".missed";
    /** Beyond the slowest renderings seen under load (search, 0.5-1 s at p99); then a waiting request renders too. */
    static final long RENDERING_WAIT_MILLIS = 2_000;

    @Inject
    PublicResponses responses;

    @Inject
    Renderings renderings;

    @Inject
    CorsPolicy cors;

    @Inject
    @ConfigProperty(name = "galley.diagnostics.sql-statements", defaultValue = "false")
    boolean countStatements;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!servable(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = keyOf(request);
        CachedResponse kept = responses.find(key);
        if (kept != null) {
            answer(request, response, kept);
            return;
        }
        try (Renderings.Rendering rendering = renderings.join(key)) {
            if (!rendering.own() && rendering.await(RENDERING_WAIT_MILLIS)) {
                kept = responses.findRendered(key);
                if (kept != null) {
                    answer(request, response, kept);
                    return;
                }
            }
            // Looked up once: PublicResponseCache goes straight to rendering (and the miss is counted once).
            request.setAttribute(MISSED, key);
            chain.doFilter(request, response);
        }
    }

    private boolean servable(HttpServletRequest request) {
        if (!responses.enabled() || !"GET".equals(request.getMethod()) || request.getHeader("Origin") != null) return false;
        String servletPath = request.getServletPath();
        String info = request.getPathInfo();
        // The API's servlet path: /api in galley.war, where the host mapped it in a host application.
        return Mount.current().apiPath().equals(servletPath) && info != null && ResponseKey.cacheable(info);
    }

    /** The cache key of a request, as both this filter and {@link PublicResponseCache} compute it. */
    static String keyOf(HttpServletRequest request) {
        String query = request.getQueryString();
        String uri = query == null ? request.getRequestURL().toString() : request.getRequestURL().append('?').append(query).toString();
        return ResponseKey.of(uri, request.getHeader(ACCEPT_LANGUAGE), request.getHeader("Accept"));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, CachedResponse kept) throws IOException {
        response.setHeader(RequestIds.HEADER, RequestIds.of(request));
        // No resource is matched for it: the request metrics count it under the operation that rendered it.
        if (kept.operation() != null) request.setAttribute(OperationNames.PROPERTY, kept.operation());
        kept.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        addVary(response, kept, ACCEPT_LANGUAGE);
        if (cors.originsFor(ApiArea.PUBLIC).dependsOnOrigin()) addVary(response, kept, "Origin");
        if (countStatements) response.setHeader("X-SQL-Statements", "0");
        if (PublicCaching.matches(request.getHeader("If-None-Match"), kept.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(kept.mediaType());
        response.setContentLength(kept.body().length);
        response.getOutputStream().write(kept.body());
    }

    /** As the JAX-RS filters do: once, unless the kept headers already vary on it. */
    private static void addVary(HttpServletResponse response, CachedResponse kept, String header) {
        for (var entry : kept.headers().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(VARY) && mentions(entry.getValue(), header)) return;
        }
        response.addHeader(VARY, header);
    }

    private static boolean mentions(List<String> values, String header) {
        return values.stream().anyMatch(v -> v.toLowerCase().contains(header.toLowerCase()));
    }
}
