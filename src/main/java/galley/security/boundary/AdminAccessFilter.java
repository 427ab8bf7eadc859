package galley.security.boundary;

import galley.errors.control.AccessDenied;
import galley.security.entity.Role;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses callers of admin resources before any work is done, and before their input is even read:
 * 401 for anonymous callers, 403 for roles the resource does not admit. The services behind check each
 * operation again, so no path reaches data around them.
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
        AdminApi admitted = resource.getResourceMethod().getAnnotation(AdminApi.class);
        if (admitted == null) admitted = resource.getResourceClass().getAnnotation(AdminApi.class);
        for (Role role : admitted.value()) {
            if (security.isUserInRole(role.roleName())) return;
        }
        throw AccessDenied.forbidden("use " + request.getUriInfo().getPath());
    }
}
