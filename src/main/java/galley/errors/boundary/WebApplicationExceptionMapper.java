package galley.errors.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown path 404, wrong method 405, unsupported media type 415,
 * unacceptable Accept 406, ...) as problems, keeping their status and headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) return ServerErrorMapper.serverError(e, request);
        Response.StatusType statusInfo = original.getStatusInfo();
        String title = statusInfo.getReasonPhrase();
        Response.ResponseBuilder builder = Problems.response(
                Problems.of(status, null, title, detailFor(status, request), request, null));
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) values.forEach(v -> builder.header(name, v));
        });
        return builder.build();
    }

    private static String detailFor(int status, HttpServletRequest request) {
        String method = request == null ? "" : request.getMethod();
        return switch (status) {
            case 404 -> "There is nothing at this path";
            case 405 -> "The method " + method + " is not allowed here";
            case 406 -> "None of the media types in Accept can be produced here";
            case 415 -> "The request's Content-Type is not supported here";
            case 400 -> "The request is malformed";
            default -> null;
        };
    }
}
