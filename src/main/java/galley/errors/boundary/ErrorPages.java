package galley.errors.boundary;

import galley.database.control.DatabaseFailures;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error pages (paths outside the API, failures before JAX-RS is reached) as problem
 * details, so no client ever gets an HTML error page or a stack trace. Declared and mapped in
 * {@code galley.war}'s {@code web.xml} only: in a host application the error pages are the host's.
 */
public class ErrorPages extends HttpServlet {

    static final String PATH = "/_error";
    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Reached only through error dispatches; called directly, it is a path like any unknown one.
        int status = request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR && code instanceof Integer i ? i : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == 503 && error == null && hasColon(path)) {
            // Payara 7.2025.1's authorization check, run before any filter, cannot build a permission for a path
            // with a colon and answers 503 (payara/Payara#7777). No Galley path has one (slugs, ids and
            // segments never do), so the honest answer is the unknown path's.
            LOG.fine(() -> "Path with a colon refused by the container's authorization check, answered 404: " + path);
            status = 404;
        }
        String requestId = RequestIds.of(request);
        boolean databaseDown = error != null && DatabaseFailures.unavailable(error);
        if (databaseDown) {
            // Failed before JAX-RS (checking a bearer token reads the user's roles): the same 503 as inside it.
            status = 503;
            LOG.warning(() -> "Request " + requestId + " answered 503, the database is unreachable: " + path + ": "
                    + ServerErrorMapper.rootMessage(error));
            response.setHeader("Retry-After", Integer.toString(ServerErrorMapper.RETRY_AFTER_SECONDS));
        } else if (status >= 500 || error != null) {
            LOG.log(Level.SEVERE, "Request " + requestId + " failed: " + path, error);
            if (status < 500) status = 500;
        }
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title(status))
                .add("status", status)
                .add("instance", path)
                .add("requestId", requestId);
        if (status == 404) problem.add("detail", "There is nothing at this path");
        if (status == 405) problem.add("detail", "The method is not allowed here");
        if (databaseDown) problem.add("detail", "The database cannot be reached at the moment; retry shortly.");
        response.setStatus(status);
        response.setHeader(RequestIds.HEADER, requestId);
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter.
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(problem.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static boolean hasColon(String rawPath) {
        return rawPath.indexOf(':') >= 0 || rawPath.toLowerCase(java.util.Locale.ROOT).contains("%3a");
    }
}
