package galley.requests.boundary;

import galley.requests.control.ApiArea;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The path a request is for, decoded as the container matched it, relative to the context root. */
final class RequestPaths {

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
        path = ApiArea.normalise(path);
        request.setAttribute(ATTRIBUTE, path);
        return path;
    }

    static ApiArea areaOf(HttpServletRequest request) {
        return ApiArea.of(of(request));
    }
}
