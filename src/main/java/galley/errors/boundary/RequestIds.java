package galley.errors.boundary;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, sent back in {@code X-Request-Id} and named in problems and in the server
 * log, so a user's error report leads to the log line. A well-formed id from a proxy is kept.
 */
@WebFilter(filterName = "request-id", urlPatterns = "/*", asyncSupported = true)
public class RequestIds implements Filter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String id = of(request);
        ((HttpServletResponse) res).setHeader(HEADER, id);
        chain.doFilter(req, res);
    }

    /** The id of this request, assigned on first use. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String incoming = request.getHeader(HEADER);
            id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }
}
