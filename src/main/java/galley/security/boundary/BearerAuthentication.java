package galley.security.boundary;

import galley.configuration.boundary.JsonBinding;
import galley.errors.boundary.Problem;
import galley.errors.boundary.Problems;
import galley.errors.boundary.RequestIds;
import galley.metrics.boundary.MetricsAccess;
import galley.metrics.control.RequestTimers;
import galley.requests.boundary.RequestPaths;
import galley.requests.boundary.SecurityHeaders;
import galley.security.control.AccessTokens;
import galley.security.control.ApiTokens;
import galley.security.control.Caller;
import galley.security.control.CallerContext;
import galley.security.control.Users;
import jakarta.inject.Inject;
import galley.database.control.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer authentication (RFC 6750) with either a sign-in token (a JWT from {@code POST /api/auth/token})
 * or an API token ({@code galley_...}). Requests without credentials pass as anonymous (the public API
 * needs none; admin operations refuse anonymous callers themselves); a bad token is answered 401 with a
 * problem body at once, so a client learns its token expired instead of reading an anonymous view.
 *
 * <p>A servlet filter, mapped first in {@code web.xml}, rather than a Jakarta Security
 * {@code HttpAuthenticationMechanism}: the container's authentication step ran for every request and cost
 * about a third of a cached public read (README, "Read path against nginx"), while most requests carry no
 * credentials. The caller is handed on through the request ({@code getUserPrincipal}, {@code isUserInRole},
 * which JAX-RS's {@code SecurityContext} reads) and through {@link CallerContext} for the services.
 * Being first, refusals are not in the request timings; they are counted apart.
 */
public class BearerAuthentication extends HttpFilter {

    @Inject
    AccessTokens accessTokens;

    @Inject
    ApiTokens apiTokens;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BearerAuthentication.class.getName());

    @Inject
    Users users;

    @Inject
    RequestTimers requests;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        // The metrics endpoint has a scrape token of its own (galley.metrics.boundary.MetricsAccess).
        // In a host application, its own paths keep their own credentials (Basic, its tokens): not Galley's to judge.
        if (authorization == null || authorization.isBlank() || MetricsAccess.covers(request)
                || !RequestPaths.isGalleys(request)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = callerOf(authorization, request, response);
        if (caller == null) return; // refused, the answer is written
        Caller previous = CallerContext.enter(caller);
        try {
            chain.doFilter(new AuthenticatedRequest(request, caller), response);
        } finally {
            CallerContext.restore(previous);
        }
    }

    /** The caller the header names, or null when the request was refused (and answered). */
    private Caller callerOf(String authorization, HttpServletRequest request, HttpServletResponse response) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(request, response, "invalid_request",
                    "Unsupported authorization scheme: send Authorization: Bearer with a token from POST /api/auth/token or an API token");
        }
        try {
            return authenticate(authorization.substring(7).trim(), request, response);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) throw e;
            // Tokens are checked against the database (users' current roles, API tokens): while it cannot be
            // reached, the same 503 as every other request that needs it, not a server error.
            LOG.warning(() -> "Request " + RequestIds.of(request) + " answered 503, the database is unreachable while checking its token");
            answer(request, response, Problems.of(503, "database-unavailable", "Service unavailable",
                    "The database cannot be reached at the moment; retry shortly.", request, null), "Retry-After", "5");
            return null;
        }
    }

    private Caller authenticate(String token, HttpServletRequest request, HttpServletResponse response) {
        if (token.startsWith(ApiTokens.PREFIX)) {
            Optional<ApiTokens.Holder> holder = apiTokens.authenticate(token);
            if (holder.isEmpty()) return refuse(request, response, "invalid_token", "The API token is unknown, expired or revoked");
            return new Caller(holder.get().callerName(), Set.of(holder.get().scope().roleName()));
        }
        Optional<AccessTokens.Verified> verified = accessTokens.verify(token);
        if (verified.isEmpty()) return refuse(request, response, "invalid_token", "The token is invalid or expired: sign in again");
        // The user's roles now, not when the token was issued: a removed user or role is out at once.
        Optional<Set<String>> roles = users.currentRoles(verified.get().username());
        if (roles.isEmpty()) return refuse(request, response, "invalid_token", "The token's user no longer exists");
        return new Caller(verified.get().username(), roles.get());
    }

    private Caller refuse(HttpServletRequest request, HttpServletResponse response, String error, String detail) {
        requests.unauthenticated();
        answer(request, response, Problems.of(401, "unauthenticated", "Authentication failed", detail, request, null),
                "WWW-Authenticate", "Bearer realm=\"galley\", error=\"" + error + "\"");
        return null;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Problem problem, String header, String value) {
        try {
            // Authentication is the first filter, so this answer gets its headers here.
            SecurityHeaders.apply(request, response);
            response.setStatus(problem.status());
            response.setHeader(RequestIds.HEADER, problem.requestId());
            response.setHeader(header, value);
            response.setContentType(Problems.MEDIA_TYPE);
            response.getOutputStream().write(JsonBinding.shared().toJson(problem).getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
    }

    /** The request as the rest of the chain sees it once its caller is known. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.name();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.isInRole(role);
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }
    }
}
