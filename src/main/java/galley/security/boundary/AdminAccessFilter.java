package galley.security.boundary;

import galley.errors.control.AccessDenied;
import galley.security.entity.Role;
import galley.security.entity.Scope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Refuses callers of admin resources before any work is done, and before their input is even read:
 * 401 for anonymous callers, 403 for roles and token scopes the resource does not admit. The services
 * behind check each operation again, so no path reaches data around them.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHORIZATION)
public class AdminAccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) throw AccessDenied.unauthenticated();
        if (!admits(admitted(resource.getResourceMethod(), resource.getResourceClass()), request.getMethod(), security::isUserInRole)) {
            throw AccessDenied.forbidden("use " + request.getUriInfo().getPath());
        }
    }

    /** The annotation that governs a resource method: its own, else its class's. */
    public static AdminApi admitted(Method method, Class<?> type) {
        AdminApi admitted = method.getAnnotation(AdminApi.class);
        return admitted != null ? admitted : type.getAnnotation(AdminApi.class);
    }

    /** Whether a caller with these roles may make a request with this method to a resource so marked. */
    public static boolean admits(AdminApi admitted, String method, java.util.function.Predicate<String> inRole) {
        for (Role role : admitted.value()) {
            if (inRole.test(role.roleName())) return true;
        }
        boolean reading = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        for (Scope scope : admitted.scopes()) {
            if ((reading || scope != Scope.READ_DRAFTS) && inRole.test(scope.roleName())) return true;
        }
        return false;
    }
}
