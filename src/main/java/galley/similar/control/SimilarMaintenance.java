package galley.similar.control;

import galley.configuration.control.PlatformResources;
import galley.articles.control.ArticleChanged;
import galley.articles.control.ArticlesImported;
import galley.articles.control.ImportActivity;
import galley.errors.control.Unavailable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps similar posts current without slowing editors down. When an article changes, the recomputations that
 * follow are written to the database in the change's own transaction ({@link RecomputeQueue}): the article's
 * own list, the lists that name it, and, when it was published or edited, the lists of its own similar posts
 * (queued once its list is recomputed). Every node drains that queue in the background, each request claimed
 * by one node; a node that dies after the commit loses nothing (another takes the request once the lease runs
 * out). Requests for the same article coalesce into one recomputation. An import asks for one full
 * recomputation once imports pause, the same way.
 */
@ApplicationScoped
public class SimilarMaintenance {

    private static final Logger LOG = Logger.getLogger(SimilarMaintenance.class.getName());
    /** Identifies this node's leases; a new one per start, so a restarted node does not mistake old leases for its own. */
    private static final String NODE = UUID.randomUUID().toString();
    /** Far longer than one list takes; a node that died holding requests delays them this long. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How often every node looks for requests (its own changes wake it at once). */
    static final Duration POLL = Duration.ofMillis(500);
    static final int BATCH = 20;

    ManagedExecutorService executor;

    ManagedScheduledExecutorService scheduler;

    TransactionSynchronizationRegistry transactions;

    /** The server's resources (see PlatformResources: not @Resource, for the module jar). */
    @PostConstruct
    void lookUpResources() {
        executor = PlatformResources.executor();
        scheduler = PlatformResources.scheduler();
        transactions = PlatformResources.transactions();
    }

    @Inject
    SimilarPosts similar;

    @Inject
    RecomputeJobs jobs;

    @Inject
    RecomputeQueue queue;

    @Inject
    ImportActivity imports;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> polling;

    /** Starts looking for requests: those left by earlier runs and other nodes, and new ones. */
    public synchronized void start() {
        if (polling == null) polling = scheduler.scheduleWithFixedDelay(this::wake, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) polling.cancel(false);
    }

    void onArticleChanged(@Observes ArticleChanged event) {
        // Still inside the editor's transaction: a deletion is about to cascade these rows away.
        List<UUID> naming = similar.listsContaining(event.articleId());
        boolean spreads = event.kind() == ArticleChanged.Kind.PUBLISHED || event.kind() == ArticleChanged.Kind.UPDATED;
        // A deleted article's request too: the node that takes it drops the article from its memory.
        queue.request(List.of(event.articleId()), spreads);
        queue.request(naming, false);
        wakeAfterCommit();
    }

    /** An import adds many articles: one full recomputation once imports pause, rather than one per article. */
    void onArticlesImported(@Observes ArticlesImported event) {
        queue.requestFull(Instant.now().plus(ImportActivity.QUIET));
    }

    /** This node's own change: no need to wait for the next poll. */
    private void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) wake();
            }
        });
    }

    /** How many articles' lists (and full recomputations) wait for a background recomputation, on any node. */
    public int waiting() {
        return queue.waiting();
    }

    /** Whether background recomputations are waiting (on any node) or running on this one. */
    public boolean busy() {
        return draining.get() || waiting() > 0;
    }

    /** How long a request waits after the index was not ready: as long as it asked, within bounds. */
    static Duration retryDelay(Duration retryAfter) {
        if (retryAfter == null) return Duration.ofSeconds(5);
        return retryAfter.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : retryAfter;
    }

    void wake() {
        again.set(true);
        if (!draining.compareAndSet(false, true)) return;
        try {
            executor.execute(this::drain);
        } catch (RuntimeException e) {
            // Shutting down, or the executor is full: the next poll tries again.
            draining.set(false);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                List<RecomputeQueue.Key> due = queue.due(Instant.now(), BATCH);
                for (RecomputeQueue.Key key : due) {
                    queue.claim(key, NODE, Instant.now(), LEASE).ifPresent(this::run);
                }
                if (due.size() == BATCH) again.set(true);
            }
        } catch (RuntimeException e) {
            // A database outage: the requests stay, leased ones are taken again when the lease runs out.
            LOG.log(Level.WARNING, "Similar-posts recomputations could not be taken from the queue; retrying at the next poll", e);
        } finally {
            draining.set(false);
            if (again.get()) wake();
        }
    }

    private void run(RecomputeQueue.Claimed claimed) {
        if (claimed.key().articleId() == null) {
            // Not while a bulk import goes on here: it would compete with the import requests for the processors
            // and read a collection the next request changes again (requests come seconds apart, back to back).
            if (imports.busy(System.currentTimeMillis())) queue.retryAt(claimed, NODE, Instant.now().plus(ImportActivity.QUIET));
            // A full run already going may have read the collection before the import: another follows it.
            else if (jobs.startUnlessRunning()) queue.done(claimed, NODE, List.of());
            else queue.retryAt(claimed, NODE, Instant.now().plus(ImportActivity.QUIET));
            return;
        }
        UUID id = claimed.key().articleId();
        List<UUID> next = new ArrayList<>();
        try {
            similar.recompute(id);
            if (claimed.spread()) next.addAll(similar.computedLists(List.of(id)).getOrDefault(id, List.of()));
        } catch (Unavailable e) {
            // The index has not caught up with the change yet, or the search cluster is away: later.
            queue.retryAt(claimed, NODE, Instant.now().plus(retryDelay(e.retryAfter())));
            return;
        } catch (RuntimeException e) {
            // Given up, as a recomputation that fails for its own reasons would fail again; the next full run redoes it.
            LOG.log(Level.WARNING, "Similar posts of " + id + " could not be recomputed", e);
        }
        queue.done(claimed, NODE, next);
    }
}
