package galley.security.boundary;

import galley.errors.control.AccessDenied;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses anonymous callers on admin resources before any work is done. Which role an operation needs
 * is checked by the service behind it, so no path reaches data around that check.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            throw AccessDenied.unauthenticated();
        }
    }
}
