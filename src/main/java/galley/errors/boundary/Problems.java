package galley.errors.boundary;

import galley.errors.control.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses, so every error Galley gives has the same shape. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_PREFIX = "urn:galley:problem:";

    private Problems() {
    }

    public static Problem of(int status, String kind, String title, String detail,
                             HttpServletRequest request, List<FieldError> errors) {
        return new Problem(
                kind == null ? "about:blank" : TYPE_PREFIX + kind,
                title,
                status,
                detail,
                request == null ? null : request.getRequestURI(),
                request == null ? null : RequestIds.of(request),
                errors == null || errors.isEmpty() ? null
                        : errors.stream().map(e -> new Problem.FieldProblem(e.field(), e.message())).toList(),
                null);
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
    }
}
