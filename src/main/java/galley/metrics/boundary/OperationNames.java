package galley.metrics.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Names the operation a request was routed to (its OpenAPI operation id, the name the API document and its
 * clients use), for {@link RequestMetrics}. Runs right after matching, before authentication and
 * authorisation, so refused requests are counted under the operation they asked for. A kept public answer
 * never gets here: {@code PublicResponseCache} names the operation from the kept entry instead.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class OperationNames implements ContainerRequestFilter {

    /** The request property (a servlet request attribute) that holds the operation's name. */
    public static final String PROPERTY = "galley.metrics.operation";
    private static final ConcurrentHashMap<Method, String> NAMES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null) request.setProperty(PROPERTY, NAMES.computeIfAbsent(method, OperationNames::of));
    }

    /** The operation id of the method's {@code @Operation}, else {@code Class.method} (pages outside the document). */
    static String of(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        if (operation != null && !operation.operationId().isBlank()) return operation.operationId();
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
