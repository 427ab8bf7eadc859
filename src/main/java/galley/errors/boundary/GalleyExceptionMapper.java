package galley.errors.boundary;

import galley.concurrency.boundary.ETags;
import galley.errors.control.Expired;
import galley.errors.control.PreconditionMissing;
import galley.errors.control.TooManyRequests;
import galley.errors.control.Unavailable;
import galley.errors.control.VersionMismatch;
import galley.errors.control.AccessDenied;
import galley.errors.control.Conflict;
import galley.errors.control.FieldError;
import galley.errors.control.GalleyException;
import galley.errors.control.InvalidInput;
import galley.errors.control.InvalidRequest;
import galley.errors.control.NotFound;
import galley.errors.control.TooLarge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Turns the services' refusals into problem responses with the matching status. */
@Provider
public class GalleyExceptionMapper implements ExceptionMapper<GalleyException> {

    public static final String AUTHENTICATE_CHALLENGE = "Bearer realm=\"galley\"";

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(GalleyException e) {
        if (e instanceof NotFound) {
            return Problems.response(Problems.of(404, "not-found", "Not found", e.getMessage(), request, null)).build();
        }
        if (e instanceof Conflict c) {
            List<FieldError> errors = c.field() == null ? null : List.of(new FieldError(c.field(), c.getMessage()));
            return Problems.response(Problems.of(409, "conflict", "Conflict", e.getMessage(), request, errors)).build();
        }
        if (e instanceof InvalidInput invalid) {
            return Problems.response(Problems.of(422, "validation-failed", "The input is invalid",
                    e.getMessage(), request, invalid.errors())).build();
        }
        if (e instanceof InvalidRequest bad) {
            List<FieldError> errors = bad.field() == null ? null : List.of(new FieldError(bad.field(), bad.getMessage()));
            return Problems.response(Problems.of(400, "bad-request", "The request is malformed",
                    e.getMessage(), request, errors)).build();
        }
        if (e instanceof VersionMismatch stale) {
            return Problems.response(Problems.of(412, "version-mismatch", "The resource has changed", e.getMessage(), request, null)
                    .withCurrentVersion(stale.currentVersion())).tag(ETags.of(stale.currentVersion())).build();
        }
        if (e instanceof TooLarge) {
            // The unread rest of the body may still be on its way: the connection cannot carry another request.
            return Problems.response(Problems.of(413, "body-too-large", "Content too large", e.getMessage(), request, null))
                    .header("Connection", "close").build();
        }
        if (e instanceof Expired) {
            return Problems.response(Problems.of(410, "expired", "Expired", e.getMessage(), request, null)).build();
        }
        if (e instanceof PreconditionMissing) {
            return Problems.response(Problems.of(428, "if-match-required", "If-Match required", e.getMessage(), request, null)).build();
        }
        if (e instanceof Unavailable away) {
            var response = Problems.response(Problems.of(503, "unavailable", "Not available", e.getMessage(), request, null));
            if (away.retryAfter() != null) response.header(HttpHeaders.RETRY_AFTER, Math.max(1, away.retryAfter().toSeconds()));
            return response.build();
        }
        if (e instanceof TooManyRequests wait) {
            return Problems.response(Problems.of(429, "too-many-requests", "Too many requests", e.getMessage(), request, null))
                    .header(HttpHeaders.RETRY_AFTER, wait.retryAfter().getSeconds()).build();
        }
        if (e instanceof AccessDenied denied) {
            if (!denied.authenticated()) {
                return Problems.response(Problems.of(401, "unauthenticated", "Authentication required",
                                e.getMessage(), request, null))
                        .header(HttpHeaders.WWW_AUTHENTICATE, AUTHENTICATE_CHALLENGE).build();
            }
            return Problems.response(Problems.of(403, "forbidden", "Forbidden", e.getMessage(), request, null)).build();
        }
        return Problems.response(Problems.of(400, "bad-request", "The request was refused", e.getMessage(), request, null)).build();
    }
}
