package galley.metrics.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One timer per API operation and status class ({@code galley_requests_seconds{operation, status}}): the
 * request rate (its count) and the latency (sum, max, quantiles) of every endpoint, whether the answer was
 * rendered, came from the public-response cache or was a 304. Operations are the OpenAPI operation ids, so
 * the set of series is bounded by the API document, not by what clients send.
 */
@ApplicationScoped
public class RequestTimers {

    public static final String NAME = "galley.requests";
    /** Requests that reached Galley but no operation: unknown paths, methods an operation does not have. */
    public static final String NO_OPERATION = "none";
    private static final Metadata METADATA = Metadata.builder().withName(NAME)
            .withDescription("API requests by operation (OpenAPI operationId) and status class, from the first servlet filter to the last byte written")
            // Timers count nanoseconds; with the unit said, the exporter gives every figure in seconds.
            .withUnit(MetricUnits.NANOSECONDS).build();
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    @Inject
    MetricRegistry registry;

    /** Timers by operation, indexed by status class: looked up without allocating on the request path. */
    private final ConcurrentHashMap<String, Timer[]> timers = new ConcurrentHashMap<>();

    private Counter unauthenticated;

    @PostConstruct
    void register() {
        unauthenticated = registry.counter(Metadata.builder().withName("galley.requests.unauthenticated")
                .withDescription("Requests refused before routing because their bearer token was unknown, expired or revoked "
                        + "(they reach no operation, so they are not in galley_requests)")
                .build());
    }

    /** A request the authentication filter refused (a bad bearer token) before any other filter or operation. */
    public void unauthenticated() {
        unauthenticated.inc();
    }

    public void record(String operation, int status, long nanos) {
        String name = operation == null ? NO_OPERATION : operation;
        int index = statusClass(status);
        Timer[] byClass = timers.computeIfAbsent(name, k -> new Timer[CLASSES.length]);
        Timer timer = byClass[index];
        if (timer == null) timer = create(name, byClass, index);
        timer.update(Duration.ofNanos(nanos));
    }

    /**
     * One thread at a time: Payara's registry (7.2025.1) fails creating timers from several threads at once
     * (ConcurrentModificationException in TimerImpl's configuration check), as the first requests after a start
     * under load did.
     */
    private synchronized Timer create(String name, Timer[] byClass, int index) {
        Timer timer = byClass[index];
        if (timer == null) {
            timer = registry.timer(METADATA, new Tag("operation", name), new Tag("status", CLASSES[index]));
            byClass[index] = timer;
        }
        return timer;
    }

    static int statusClass(int status) {
        int index = status / 100 - 1;
        return index < 0 || index >= CLASSES.length ? CLASSES.length - 1 : index;
    }
}
