package galley.requests.boundary;

import galley.module.control.Mount;
import galley.requests.control.ApiArea;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The path a request is for, decoded as the container matched it, relative to the context root, and as
 * Galley's rules know it ({@code /api/...}, also when a host application put the API elsewhere: see
 * {@link Mount}).
 */
public final class RequestPaths {

    private static final String ATTRIBUTE = RequestPaths.class.getName();

    private RequestPaths() {
    }

    /**
     * The decoded path ({@code /api/%61dmin} is {@code /api/admin}, as JAX-RS will match it). In an error
     * dispatch, the path of the request that failed, not that of the error page.
     */
    static String of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String path) return path;
        String path = Mount.current().canonical(inContext(request));
        request.setAttribute(ATTRIBUTE, path);
        return path;
    }

    /**
     * Whether the request is Galley's business: every request of {@code galley.war}; in a host application,
     * those under the path it gave Galley's API.
     */
    public static boolean isGalleys(HttpServletRequest request) {
        return Mount.current().covers(inContext(request));
    }

    /** The decoded path relative to the context root, before any translation. */
    private static String inContext(HttpServletRequest request) {
        String path;
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed != null) {
            String uri = failed.toString();
            String context = request.getContextPath();
            if (!context.isEmpty() && uri.startsWith(context)) uri = uri.substring(context.length());
            int parameters = uri.indexOf(';');
            if (parameters >= 0) uri = uri.substring(0, parameters);
            path = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } else {
            String servletPath = request.getServletPath();
            String info = request.getPathInfo();
            path = (servletPath == null ? "" : servletPath) + (info == null ? "" : info);
        }
        return ApiArea.normalise(path);
    }

    static ApiArea areaOf(HttpServletRequest request) {
        return ApiArea.of(of(request));
    }
}
