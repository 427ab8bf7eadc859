package galley.requests.boundary;

import galley.requests.control.ApiArea;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every response, set before anything else answers (mapped first in
 * {@code web.xml}, also for error dispatches, so container error pages and 404s carry them too). Galley
 * serves data, never pages: nothing may be sniffed as HTML, framed, or sent a referrer; the public API
 * may be embedded by other sites, the signed-in one only by its own and never cached.
 */
public class SecurityHeaders implements Filter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            apply(request, response);
        }
        chain.doFilter(req, res);
    }

    /**
     * Sets the headers on {@code response}; also for answers given before the filters run (authentication
     * failures).
     */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        ApiArea area = RequestPaths.areaOf(request);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cross-Origin-Resource-Policy", area == ApiArea.PUBLIC ? "cross-origin" : "same-site");
        if (area == ApiArea.SIGNED_IN) response.setHeader("Cache-Control", "no-store");
        // Only over TLS: a plain-HTTP answer cannot vouch for HTTPS (RFC 6797, 8.1).
        if (request.isSecure()) response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
}
