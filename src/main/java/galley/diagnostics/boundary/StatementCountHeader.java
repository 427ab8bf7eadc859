package galley.diagnostics.boundary;

import galley.database.control.StatementCounter;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code galley.diagnostics.sql-statements=true}, every API response says how many SQL statements it
 * took, in {@code X-SQL-Statements}: how tests and benchmarks prove that a page costs the same number of
 * statements whatever it holds. Off by default.
 */
@Provider
@PreMatching
public class StatementCountHeader implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-SQL-Statements";

    @Inject
    @ConfigProperty(name = "galley.diagnostics.sql-statements", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) StatementCounter.reset();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (enabled) response.getHeaders().putSingle(HEADER, StatementCounter.count());
    }
}
