package galley.security.boundary;

import galley.errors.boundary.Problems;
import galley.errors.boundary.RequestIds;
import galley.metrics.boundary.MetricsAccess;
import galley.metrics.control.RequestTimers;
import galley.requests.boundary.SecurityHeaders;
import galley.security.control.AccessTokens;
import galley.security.control.ApiTokens;
import galley.security.control.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import galley.database.control.DatabaseFailures;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer authentication (RFC 6750) with either a sign-in token (a JWT from {@code POST /api/auth/token})
 * or an API token ({@code galley_...}). Requests without credentials pass as anonymous (the public API
 * needs none; admin operations refuse anonymous callers themselves); a bad token is answered 401 with a
 * problem body at once, so a client learns its token expired instead of reading an anonymous view.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    AccessTokens accessTokens;

    @Inject
    ApiTokens apiTokens;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BearerAuthenticationMechanism.class.getName());

    @Inject
    Users users;

    @Inject
    RequestTimers requests;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) return context.doNothing();
        // The metrics endpoint has a scrape token of its own (galley.metrics.boundary.MetricsAccess).
        if (MetricsAccess.covers(request)) return context.doNothing();
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(request, response, "invalid_request",
                    "Unsupported authorization scheme: send Authorization: Bearer with a token from POST /api/auth/token or an API token");
        }
        try {
            return authenticate(authorization.substring(7).trim(), request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) throw e;
            // Tokens are checked against the database (users' current roles, API tokens): while it cannot be
            // reached, the same 503 as every other request that needs it, not a server error.
            LOG.warning(() -> "Request " + RequestIds.of(request) + " answered 503, the database is unreachable while checking its token");
            answer(request, response, 503, Json.createObjectBuilder()
                    .add("type", "urn:galley:problem:database-unavailable")
                    .add("title", "Service unavailable")
                    .add("status", 503)
                    .add("detail", "The database cannot be reached at the moment; retry shortly."), "Retry-After", "5");
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus authenticate(String token, HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        if (token.startsWith(ApiTokens.PREFIX)) {
            Optional<ApiTokens.Holder> holder = apiTokens.authenticate(token);
            if (holder.isEmpty()) return refuse(request, response, "invalid_token", "The API token is unknown, expired or revoked");
            return context.notifyContainerAboutLogin(holder.get().callerName(), Set.of(holder.get().scope().roleName()));
        }
        Optional<AccessTokens.Verified> verified = accessTokens.verify(token);
        if (verified.isEmpty()) return refuse(request, response, "invalid_token", "The token is invalid or expired: sign in again");
        // The user's roles now, not when the token was issued: a removed user or role is out at once.
        Optional<Set<String>> roles = users.currentRoles(verified.get().username());
        if (roles.isEmpty()) return refuse(request, response, "invalid_token", "The token's user no longer exists");
        return context.notifyContainerAboutLogin(verified.get().username(), roles.get());
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String error, String detail) {
        requests.unauthenticated();
        answer(request, response, 401, Json.createObjectBuilder()
                .add("type", "urn:galley:problem:unauthenticated")
                .add("title", "Authentication failed")
                .add("status", 401)
                .add("detail", detail), "WWW-Authenticate", "Bearer realm=\"galley\", error=\"" + error + "\"");
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status,
                               jakarta.json.JsonObjectBuilder problem, String header, String value) {
        String requestId = RequestIds.of(request);
        problem.add("instance", request.getRequestURI()).add("requestId", requestId);
        try {
            // Authentication runs before the servlet filters, so this answer gets its headers here.
            SecurityHeaders.apply(request, response);
            response.setStatus(status);
            response.setHeader(RequestIds.HEADER, requestId);
            response.setHeader(header, value);
            response.setContentType(Problems.MEDIA_TYPE);
            response.getOutputStream().write(problem.build().toString().getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing left to tell it.
        }
    }
}
