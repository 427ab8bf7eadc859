package galley.caching.control;

import galley.articles.control.ArticleChanged;
import galley.articles.control.ArticlesImported;
import galley.authors.control.AuthorChanged;
import galley.configuration.control.PlatformResources;
import galley.similar.control.SimilarPostsChanged;
import galley.tags.control.TagChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Rendered public answers, kept in a JCache cache (cluster-wide with {@code galley.cache.provider=payara}),
 * so a repeated read costs no SQL, no entity loading and no JSON rendering.
 *
 * <p>Invalidation is deliberately coarse: any committed content change (article, import, author, tag,
 * similar-posts list) drops every answer. Writes are rare next to reads, so this is cheap, and it is
 * correct without knowing which answers show what (an author's name is on every list page). A content
 * generation makes it race-free: a read notes the generation before it touches the database and its
 * answer is only served while that generation is current; a change sets a new one after its commit. An
 * answer rendered from data read before the commit was stamped with the old generation and is never
 * served, even if it is stored after the change.
 *
 * <p>A node can die between a commit and its after-commit step (a crash, {@code kill -9}); in a cluster the
 * other nodes would then keep serving answers from before the change. So a change also starts a new generation
 * just before it commits and marks a change as pending: while one is pending no answer is kept (an answer
 * rendered then may predate the commit). The after-commit step starts another generation and clears its mark;
 * the mark of a node that died expires after {@link #PENDING} by itself. Left open: two changes committing at
 * once, one of them clearing the mark first and the other's node dying right after its commit.
 */
@ApplicationScoped
public class PublicResponses {

    private static final Logger LOG = Logger.getLogger(PublicResponses.class.getName());
    static final String RESPONSES = "galley-public-responses";
    static final String GENERATIONS = "galley-content-generation";
    private static final String CURRENT = "current";
    private static final String PENDING_UNTIL = "pending-until";
    /** How long a change's pending mark holds at most: well beyond any commit. */
    static final Duration PENDING = Duration.ofSeconds(10);
    private static final Object MARK = PublicResponses.class.getName() + ".pending";

    /** The server's (see PlatformResources: not @Resource, for the module jar). */
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "galley.cache.provider", defaultValue = CacheManagers.LOCAL)
    String provider;

    @Inject
    @ConfigProperty(name = "galley.cache.responses.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "galley.cache.responses.max-entries", defaultValue = "10000")
    long maxEntries;

    @Inject
    @ConfigProperty(name = "galley.cache.responses.time-to-live-seconds", defaultValue = "3600")
    long timeToLiveSeconds;

    @Inject
    MetricRegistry metrics;

    private Cache<String, CachedResponse> responses;
    private Cache<String, Long> generations;
    private Counter hits;
    private Counter misses;
    private Counter invalidations;
    private Counter awaited;

    @PostConstruct
    void open() {
        transactions = PlatformResources.transactions();
        hits = metrics.counter(Metadata.builder().withName("galley.cache.responses.hits")
                .withDescription("Public reads answered from the public-response cache (no resource ran)").build());
        misses = metrics.counter(Metadata.builder().withName("galley.cache.responses.misses")
                .withDescription("Cacheable public reads with no answer of the current content generation kept").build());
        invalidations = metrics.counter(Metadata.builder().withName("galley.cache.responses.invalidations")
                .withDescription("Times every kept public answer was dropped after a committed content change (on this node)").build());
        awaited = metrics.counter(Metadata.builder().withName("galley.cache.responses.awaited")
                .withDescription("Public reads that missed while another request rendered the same answer, waited for it and were served it").build());
        if (!enabled) return;
        CacheManager manager = CacheManagers.resolve(provider);
        responses = CacheManagers.getOrCreate(manager, RESPONSES, maxEntries,
                timeToLiveSeconds > 0 ? Duration.ofSeconds(timeToLiveSeconds) : null);
        generations = CacheManagers.getOrCreate(manager, GENERATIONS, 16, null);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The current content generation; note it before reading content for an answer to keep. */
    public long generation() {
        Long current = generations.get(CURRENT);
        if (current != null) return current;
        generations.putIfAbsent(CURRENT, ThreadLocalRandom.current().nextLong());
        return generations.get(CURRENT);
    }

    /** The kept answer for {@code key}, if it was rendered in the current generation. */
    public CachedResponse find(String key) {
        CachedResponse kept = current(key);
        (kept != null ? hits : misses).inc();
        return kept;
    }

    /** The answer another request rendered while this one waited (it was counted as a miss already), or null. */
    public CachedResponse findRendered(String key) {
        CachedResponse kept = current(key);
        if (kept != null) awaited.inc();
        return kept;
    }

    private CachedResponse current(String key) {
        CachedResponse kept = responses.get(key);
        return kept != null && kept.generation() == generation() && kept.servableAt(System.currentTimeMillis()) ? kept : null;
    }

    /** Keeps an answer, unless a change is being committed or has committed since its generation was noted. */
    public void keep(String key, CachedResponse response) {
        Long pendingUntil = generations.get(PENDING_UNTIL);
        if (pendingUntil != null && pendingUntil > System.currentTimeMillis()) return;
        if (response.generation() != generation()) return;
        responses.put(key, response);
    }

    /**
     * Called in the transaction of a change (once per transaction): just before it commits, a new generation
     * and the pending mark; once it ended, committed or not, the mark goes again (unless another change's
     * replaced it). A synchronization of the transaction's own, not the events' transactional observers: what
     * it put before the commit is what it must take away after it.
     */
    void changing() {
        if (!enabled || transactions.getTransactionKey() == null || transactions.getResource(MARK) != null) return;
        transactions.putResource(MARK, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            private long until;

            @Override
            public void beforeCompletion() {
                try {
                    // Unique per change, so that clearing it cannot clear another change's mark.
                    until = System.currentTimeMillis() + PENDING.toMillis() + ThreadLocalRandom.current().nextInt(1000);
                    generations.put(PENDING_UNTIL, until);
                    newGeneration();
                } catch (RuntimeException e) {
                    // The after-commit step still drops the answers; only the crash window stays open.
                    LOG.log(Level.WARNING, "Could not mark a change as pending in the public-response cache", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (until == 0) return;
                try {
                    generations.remove(PENDING_UNTIL, until);
                } catch (RuntimeException e) {
                    // It expires by itself; until then no answer is kept.
                    LOG.log(Level.WARNING, "Could not clear a pending change's mark in the public-response cache", e);
                }
            }
        });
    }

    /** Drops every kept answer: a new generation (what makes it correct), then the entries (memory). */
    public void invalidate() {
        if (!enabled) return;
        try {
            newGeneration();
            responses.clear();
            invalidations.inc();
        } catch (RuntimeException e) {
            // After the commit: the change stands. Say so loudly; the time-to-live bounds the staleness.
            LOG.log(Level.SEVERE, "Could not invalidate the public-response cache", e);
        }
    }

    private void newGeneration() {
        long next;
        do next = ThreadLocalRandom.current().nextLong(); while (next == generation());
        generations.put(CURRENT, next);
    }

    void whileArticleChanges(@Observes ArticleChanged event) {
        changing();
    }

    void whileArticlesImported(@Observes ArticlesImported event) {
        changing();
    }

    void whileAuthorChanges(@Observes AuthorChanged event) {
        changing();
    }

    void whileTagChanges(@Observes TagChanged event) {
        changing();
    }

    void whileSimilarPostsChange(@Observes SimilarPostsChanged event) {
        changing();
    }

    void onArticleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged event) {
        invalidate();
    }

    void onArticlesImported(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesImported event) {
        invalidate();
    }

    void onAuthorChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuthorChanged event) {
        invalidate();
    }

    void onTagChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TagChanged event) {
        invalidate();
    }

    void onSimilarPostsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SimilarPostsChanged event) {
        invalidate();
    }
}
