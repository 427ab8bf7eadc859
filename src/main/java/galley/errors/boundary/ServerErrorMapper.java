package galley.errors.boundary;

import galley.database.control.DatabaseFailures;
import galley.errors.control.FieldError;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything not mapped elsewhere. Unreadable JSON bodies (which the JSON-B provider reports as
 * processing errors) are the caller's fault and get 400 naming the field where possible; anything else
 * is logged with the request id and answered 500 without internals, except that a database that cannot be
 * reached is a 503 with Retry-After (the request may be retried: a change sent with If-Match cannot apply twice).
 */
@Provider
public class ServerErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ServerErrorMapper.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("(?:property|field|parameter)[: ]+'?\"?([A-Za-z_][A-Za-z0-9_]*)");

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        Throwable json = jsonCause(e);
        if (json != null) {
            String field = fieldNamedIn(json);
            return Problems.response(Problems.of(400, "malformed-json", "The request body is not valid JSON for this operation",
                    describe(json, field), request,
                    field == null ? null : List.of(new FieldError(field, "has an unknown name or a wrong type")))).build();
        }
        return serverError(e, request);
    }

    static Response serverError(Throwable e, HttpServletRequest request) {
        if (DatabaseFailures.unavailable(e)) return databaseUnavailable(e, request);
        Problem problem = Problems.of(500, "internal", "Internal server error",
                "The server failed to answer; the request id identifies the failure in the server log.", request, null);
        LOG.log(Level.SEVERE, "Request " + problem.requestId() + " failed: " + (request == null ? "" : request.getMethod() + " " + request.getRequestURI()), e);
        return Problems.response(problem).build();
    }

    /** Seconds a client should wait before retrying while the database cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * 503 with Retry-After: the database cannot be reached now (stopped, restarting, no connection free).
     * Logged without the stack: an outage makes many of these, and the pool heals once the database is back.
     */
    static Response databaseUnavailable(Throwable e, HttpServletRequest request) {
        Problem problem = Problems.of(503, "database-unavailable", "Service unavailable",
                "The database cannot be reached at the moment; retry shortly.", request, null);
        LOG.warning(() -> "Request " + problem.requestId() + " answered 503, the database is unreachable: "
                + (request == null ? "" : request.getMethod() + " " + request.getRequestURI() + ": ") + rootMessage(e));
        return Problems.response(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Throwable jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException
                    || t instanceof jakarta.json.JsonException) {
                return t;
            }
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static String fieldNamedIn(Throwable json) {
        for (Throwable t = json; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) continue;
            Matcher m = PROPERTY.matcher(message);
            if (m.find()) return m.group(1);
        }
        return null;
    }

    private static String describe(Throwable json, String field) {
        if (json instanceof JsonParsingException parsing && parsing.getLocation() != null) {
            return "Syntax error at line " + parsing.getLocation().getLineNumber()
                    + ", column " + parsing.getLocation().getColumnNumber();
        }
        return field == null ? "The body does not match the expected structure"
                : "The field '" + field + "' is unknown or has the wrong type";
    }
}
