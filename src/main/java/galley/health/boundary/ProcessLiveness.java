package galley.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the JVM has headroom: a process that keeps running out of heap should be restarted, one
 * whose database is down should not (readiness covers that).
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long max = rt.maxMemory();
        boolean healthy = max == Long.MAX_VALUE || used < max * 0.98;
        return HealthCheckResponse.named("process").status(healthy)
                .withData("heapUsedMiB", used / (1024 * 1024))
                .withData("heapMaxMiB", max / (1024 * 1024))
                .build();
    }
}
