package galley.articles.control;

import galley.configuration.control.PlatformResources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes scheduled articles when their time comes. The schedule is the articles' rows (status
 * SCHEDULED, publish_at), so it survives restarts: the first run, at start-up, catches up on what fell
 * due while Galley was down. Every node runs this; {@link Articles#publishIfDue} makes each publication
 * happen once.
 */
@ApplicationScoped
public class ScheduledPublishing {

    private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());
    static final Duration PERIOD = Duration.ofSeconds(1);
    static final int BATCH = 100;

    ManagedScheduledExecutorService scheduler;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        scheduler = PlatformResources.scheduler();
    }

    @Inject
    Articles articles;

    private ScheduledFuture<?> task;

    public synchronized void start() {
        if (task == null) task = scheduler.scheduleWithFixedDelay(this::publishDue, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    void publishDue() {
        try {
            Instant now = Instant.now();
            for (UUID id : articles.dueForPublication(now, BATCH)) {
                if (articles.publishIfDue(id, now)) LOG.info(() -> "Published scheduled article " + id);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a database outage must not end the schedule.
            LOG.log(Level.WARNING, "Publishing scheduled articles failed; retrying in " + PERIOD.toSeconds() + " s", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) task.cancel(false);
    }
}
