package galley.audit.boundary;

import galley.audit.control.AuditLog;
import galley.errors.boundary.RequestIds;
import galley.security.boundary.AdminApi;
import galley.security.boundary.ClientAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Writes every admin action to the audit log once it is answered, refused ones included (a 403 is worth
 * knowing about). Reads are not actions and are not logged.
 */
@AdminApi
@jakarta.ws.rs.ext.Provider
public class AuditRecorder implements ContainerResponseFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    AuditLog audit;

    @Inject
    ClientAddresses addresses;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (READS.contains(request.getMethod())) return;
        Principal caller = request.getSecurityContext().getUserPrincipal();
        Method method = resource.getResourceMethod();
        Operation operation = method == null ? null : method.getAnnotation(Operation.class);
        String action = operation != null ? operation.operationId()
                : method != null ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : "unknown";
        String target = request.getUriInfo().getPathParameters().getFirst("id");
        if (target == null && response.getStatus() == 201 && response.getLocation() != null) {
            // A creation: the new item's id ends its Location.
            String location = response.getLocation().getPath();
            target = location.substring(location.lastIndexOf('/') + 1);
        }
        audit.record(caller == null ? null : caller.getName(), action, request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), target,
                response.getStatus(), addresses.of(servletRequest), RequestIds.of(servletRequest));
    }
}
