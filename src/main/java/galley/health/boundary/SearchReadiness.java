package galley.health.boundary;

import galley.search.control.SearchBackend;
import galley.search.control.SearchBackendMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The search backend's part of readiness, reported as the check "search": which backend, whether the
 * OpenSearch cluster answers (checked every two seconds) and how many changes wait in the outbox.
 * <p>
 * It stays UP while the cluster is away, on purpose: every node shares the one cluster, so a DOWN here
 * would take every node out of the balancer at once, while articles, authors and admin writes do not need
 * the cluster (only search and similar-posts recomputation answer 503 then, and the outbox keeps the
 * changes). Monitoring reads {@code reachable: false} and the backlog from the data instead. The
 * database check ({@link DatabaseReadiness}) is the one that turns readiness red.
 */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    @Inject
    SearchBackend backend;

    @Inject
    SearchBackendMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("search").up().withData("backend", backend.name());
        if (!backend.isOpenSearch()) return response.build();
        response.withData("reachable", monitor.reachable()).withData("since", monitor.since().toString());
        try {
            long[] backlog = backend.outboxBacklog();
            if (backlog != null) response.withData("outboxPending", backlog[0]).withData("outboxAborted", backlog[1]);
        } catch (RuntimeException e) {
            // The database is away: its own check says so.
            response.withData("outbox", "unknown");
        }
        return response.build();
    }
}
