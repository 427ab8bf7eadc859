package galley.metrics.boundary;

import galley.configuration.boundary.JsonBinding;
import galley.errors.boundary.Problem;
import galley.errors.boundary.Problems;
import galley.errors.boundary.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /metrics} (served by Payara's MicroProfile Metrics, not by Galley's API): anyone who can
 * reach it, like {@code /health}, unless {@code galley.metrics.token} is set; then only a scraper sending
 * {@code Authorization: Bearer <that token>}, others get a 401 problem. Keep the path off the public load
 * balancer either way (README, "Metrics"). Galley's users and API tokens are not used here: a
 * scraper needs a credential that never expires and grants nothing else.
 */
public class MetricsAccess implements Filter {

    public static final String PATH = "/metrics";

    @Inject
    @ConfigProperty(name = "galley.metrics.token")
    Optional<String> token;

    private byte[] expected;

    @Override
    public void init(jakarta.servlet.FilterConfig config) {
        expected = token.filter(t -> !t.isBlank()).map(t -> digest(t.strip())).orElse(null);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (expected == null || !covers(request) || admitted(request.getHeader("Authorization"), expected)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        Problem problem = Problems.of(401, "unauthenticated", "Authentication failed",
                "The metrics need Authorization: Bearer with the token set in galley.metrics.token", request, null);
        response.setStatus(401);
        response.setHeader(RequestIds.HEADER, problem.requestId());
        response.setHeader("WWW-Authenticate", "Bearer realm=\"galley-metrics\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(JsonBinding.shared().toJson(problem).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request is for the metrics endpoint (which the bearer mechanism of the API leaves alone). */
    public static boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    static boolean admitted(String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        // Digests of equal length, compared in constant time: the answer's timing tells nothing of the token.
        return MessageDigest.isEqual(digest(authorization.substring(7).strip()), expected);
    }

    static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
