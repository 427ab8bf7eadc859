package galley.errors.boundary;

import galley.errors.control.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation failures of request bodies and parameters: 422 for a body that breaks the rules,
 * 400 for a bad query or path parameter, each with one entry per offending field.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ConstraintViolation<?>> violations = List.copyOf(e.getConstraintViolations());
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .toList();
        boolean inBody = violations.stream().anyMatch(v -> isInBody(v.getPropertyPath()));
        int status = inBody ? 422 : 400;
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problems.response(Problems.of(status, "validation-failed",
                inBody ? "The input is invalid" : "A parameter is invalid", detail, request, errors)).build();
    }

    /** A JSON-style path of the offending field, without the Java method and parameter names. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) field.append('.');
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) return parameter == null ? "body" : parameter;
        return field.toString();
    }

    private static boolean isInBody(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT
                    || node.getKind() == ElementKind.BEAN) {
                return true;
            }
        }
        return false;
    }
}
