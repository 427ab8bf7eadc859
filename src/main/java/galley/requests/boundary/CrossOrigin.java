package galley.requests.boundary;

import galley.errors.boundary.Problems;
import galley.requests.control.ApiArea;
import galley.requests.control.CorsPolicy;
import galley.requests.control.Origins;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * CORS for the API. The public read API is open to the front ends of {@code galley.cors.allowed-origins}
 * ({@code *} by default): reads only. The admin and authentication APIs are closed to other origins unless
 * {@code galley.cors.admin-origins} lists some; a preflight from any other origin gets 403. Pre-matching,
 * so a preflight is answered before any resource or role check runs.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossOrigin implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ORIGIN = "Origin";
    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String PREFLIGHT = CrossOrigin.class.getName() + ".preflight";
    private static final String PUBLIC_METHODS = "GET, HEAD, OPTIONS";
    private static final String PUBLIC_HEADERS = "Accept, Accept-Language, If-None-Match, Content-Type";
    private static final String PUBLIC_EXPOSED = "ETag, Link, X-Total-Count, X-Request-Id, Content-Language";
    private static final String SIGNED_IN_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String SIGNED_IN_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, If-Match, If-None-Match";
    private static final String SIGNED_IN_EXPOSED = PUBLIC_EXPOSED + ", Location";

    @Inject
    CorsPolicy policy;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin == null || !HttpMethod.OPTIONS.equals(request.getMethod()) || request.getHeaderString(REQUEST_METHOD) == null) {
            return;
        }
        ApiArea area = areaOf(request);
        Origins origins = originsFor(area);
        request.setProperty(PREFLIGHT, Boolean.TRUE);
        if (!origins.allows(origin)) {
            Response.ResponseBuilder refused = Problems.response(Problems.of(403, "cross-origin-refused", "Cross-origin request refused",
                    "Browsers on " + origin + " may not call this part of the API", servletRequest, null));
            if (origins.dependsOnOrigin()) refused.header(HttpHeaders.VARY, ORIGIN);
            request.abortWith(refused.build());
            return;
        }
        boolean publicArea = area == ApiArea.PUBLIC;
        Response.ResponseBuilder preflight = Response.noContent()
                .header("Access-Control-Allow-Origin", origins.allowOriginFor(origin))
                .header("Access-Control-Allow-Methods", publicArea ? PUBLIC_METHODS : SIGNED_IN_METHODS)
                .header("Access-Control-Allow-Headers", publicArea ? PUBLIC_HEADERS : SIGNED_IN_HEADERS)
                .header("Access-Control-Max-Age", policy.maxAge());
        if (origins.dependsOnOrigin()) preflight.header(HttpHeaders.VARY, ORIGIN);
        request.abortWith(preflight.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Boolean.TRUE.equals(request.getProperty(PREFLIGHT))) return;
        ApiArea area = areaOf(request);
        Origins origins = originsFor(area);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        // Also without an Origin header: a cache must not give this answer to a browser on another site.
        if (origins.dependsOnOrigin()) addVary(headers);
        String origin = request.getHeaderString(ORIGIN);
        if (!origins.allows(origin)) return;
        headers.putSingle("Access-Control-Allow-Origin", origins.allowOriginFor(origin));
        headers.putSingle("Access-Control-Expose-Headers", area == ApiArea.PUBLIC ? PUBLIC_EXPOSED : SIGNED_IN_EXPOSED);
    }

    private Origins originsFor(ApiArea area) {
        return policy.originsFor(area);
    }

    /** The area by the decoded path, as JAX-RS matches it (the application lives under {@code /api}). */
    private static ApiArea areaOf(ContainerRequestContext request) {
        return ApiArea.of("/api/" + request.getUriInfo().getPath());
    }

    private static void addVary(MultivaluedMap<String, Object> headers) {
        List<Object> vary = headers.get(HttpHeaders.VARY);
        boolean present = vary != null && vary.stream().anyMatch(v -> String.valueOf(v).toLowerCase().contains("origin"));
        if (!present) headers.add(HttpHeaders.VARY, ORIGIN);
    }
}
