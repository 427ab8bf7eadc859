package galley.search.control;

import galley.configuration.control.PlatformResources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the OpenSearch cluster (every {@link #PERIOD_SECONDS} s) and brings indexing back after an
 * outage: Hibernate Search's outbox agent retries a change three times and then sets it aside as
 * aborted; once the cluster answers again, this puts aborted changes back in the queue, so the index
 * catches up without anyone restarting a node. Does nothing on the Lucene backend. Every node runs it;
 * putting events back twice is harmless (each is indexed from the database's current state).
 */
@ApplicationScoped
public class SearchBackendMonitor {

    private static final Logger LOG = Logger.getLogger(SearchBackendMonitor.class.getName());
    static final long PERIOD_SECONDS = 2;

    ManagedScheduledExecutorService scheduler;

    /** The server's (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        scheduler = PlatformResources.scheduler();
    }

    @Inject
    SearchBackend backend;

    private volatile boolean reachable = true;
    private volatile Instant since = Instant.now();
    private volatile Instant lastChecked;
    private ScheduledFuture<?> task;

    public synchronized void start() {
        if (task != null || !backend.isOpenSearch()) return;
        task = scheduler.scheduleWithFixedDelay(this::check, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) task.cancel(false);
    }

    /** Whether the cluster answered at the last check (true on Lucene). */
    public boolean reachable() {
        return reachable;
    }

    /** When the cluster last became reachable or unreachable. */
    public Instant since() {
        return since;
    }

    public Instant lastChecked() {
        return lastChecked;
    }

    void check() {
        try {
            boolean now = backend.reachable();
            lastChecked = Instant.now();
            if (now != reachable) {
                since = lastChecked;
                reachable = now;
                if (now) LOG.info("The search cluster answers again: indexing catches up, search is back");
                else LOG.warning("The search cluster does not answer: search and similar-posts recomputation answer 503; "
                        + "changes wait in the outbox");
            }
            if (now && backend.outboxPolling() && backend.outbox().countAbortedEvents() > 0) {
                int requeued = backend.outbox().reprocessAbortedEvents();
                if (requeued > 0) LOG.info(() -> requeued + " change(s) that failed to index while the cluster was away are queued again");
            }
        } catch (RuntimeException e) {
            // The database may be away too: the next round tries again.
            LOG.log(Level.FINE, "Checking the search cluster failed", e);
        }
    }
}
