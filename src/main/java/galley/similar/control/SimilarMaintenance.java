package galley.similar.control;

import galley.configuration.control.PlatformResources;
import galley.articles.control.ArticleChanged;
import galley.articles.control.ArticlesImported;
import galley.errors.control.Unavailable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps similar posts current without slowing editors down: when an article changes, the lists that
 * depend on it are recomputed in the background (a managed executor) once the change has committed:
 * the article's own list, the lists that name it, and, when it was published or edited, the lists of
 * its own similar posts, which it may now belong to. Requests for the same article coalesce.
 */
@ApplicationScoped
public class SimilarMaintenance {

    private static final Logger LOG = Logger.getLogger(SimilarMaintenance.class.getName());

    ManagedExecutorService executor;

    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

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
    SimilarityMemory memory;

    /** Articles waiting for a recomputation; true when their neighbours should follow. */
    private final Map<UUID, Boolean> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Articles whose recomputation waits for the search index (OpenSearch: outbox not indexed yet, or away). */
    private final Map<UUID, Boolean> waiting = new ConcurrentHashMap<>();

    void onArticleChanged(@Observes ArticleChanged event) {
        // Still inside the editor's transaction: a deletion is about to cascade these rows away.
        List<UUID> naming = similar.listsContaining(event.articleId());
        boolean gone = event.kind() == ArticleChanged.Kind.DELETED;
        boolean spreads = event.kind() == ArticleChanged.Kind.PUBLISHED || event.kind() == ArticleChanged.Kind.UPDATED;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) return;
                if (gone) memory.changed(event.articleId(), null, null, null, null, false);
                else schedule(List.of(event.articleId()), spreads);
                schedule(naming, false);
            }
        });
    }

    /** An import adds many articles: one full recomputation after it, rather than one per article. */
    void onArticlesImported(@Observes ArticlesImported event) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) jobs.requestFull();
            }
        });
    }

    /** Queues recomputations; {@code spread} also queues the lists of their similar posts afterwards. */
    public void schedule(Collection<UUID> articleIds, boolean spread) {
        for (UUID id : articleIds) pending.merge(id, spread, Boolean::logicalOr);
        drain();
    }

    /** Tries a recomputation again after {@code delay}: it waits for the index, however long that takes. */
    private void retryLater(UUID articleId, Boolean spread, java.time.Duration delay) {
        long millis = delay == null ? 5000 : Math.max(200, delay.toMillis());
        if (waiting.put(articleId, Boolean.TRUE.equals(spread)) != null) return;
        scheduler.schedule(() -> {
            Boolean again = waiting.remove(articleId);
            if (again != null) schedule(List.of(articleId), again);
        }, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** How many articles' lists wait for a background recomputation on this node. */
    public int waiting() {
        return pending.size() + waiting.size();
    }

    /** Whether background recomputations are waiting or running. */
    public boolean busy() {
        return !pending.isEmpty() || !waiting.isEmpty() || draining.get();
    }

    private void drain() {
        if (pending.isEmpty() || !draining.compareAndSet(false, true)) return;
        executor.execute(() -> {
            try {
                while (!pending.isEmpty()) {
                    UUID next = pending.keySet().iterator().next();
                    Boolean spread = pending.remove(next);
                    try {
                        similar.recompute(next);
                        if (Boolean.TRUE.equals(spread)) schedule(similar.computedLists(List.of(next)).getOrDefault(next, List.of()), false);
                    } catch (Unavailable e) {
                        // The index has not caught up with the change yet, or the search cluster is away: later.
                        retryLater(next, spread, e.retryAfter());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Similar posts of " + next + " could not be recomputed", e);
                    }
                }
            } finally {
                draining.set(false);
                if (!pending.isEmpty()) drain();
            }
        });
    }
}
