package galley.caching.control;

import galley.articles.control.ArticleChanged;
import galley.articles.control.ArticlesImported;
import galley.authors.control.AuthorChanged;
import galley.similar.control.SimilarPostsChanged;
import galley.tags.control.TagChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
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
 */
@ApplicationScoped
public class PublicResponses {

    private static final Logger LOG = Logger.getLogger(PublicResponses.class.getName());
    static final String RESPONSES = "galley-public-responses";
    static final String GENERATIONS = "galley-content-generation";
    private static final String CURRENT = "current";

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

    @PostConstruct
    void open() {
        hits = metrics.counter(Metadata.builder().withName("galley.cache.responses.hits")
                .withDescription("Public reads answered from the public-response cache (no resource ran)").build());
        misses = metrics.counter(Metadata.builder().withName("galley.cache.responses.misses")
                .withDescription("Cacheable public reads with no answer of the current content generation kept").build());
        invalidations = metrics.counter(Metadata.builder().withName("galley.cache.responses.invalidations")
                .withDescription("Times every kept public answer was dropped after a committed content change (on this node)").build());
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
        CachedResponse kept = responses.get(key);
        if (kept != null && kept.generation() == generation()) {
            hits.inc();
            return kept;
        }
        misses.inc();
        return null;
    }

    public void keep(String key, CachedResponse response) {
        responses.put(key, response);
    }

    /** Drops every kept answer: a new generation (what makes it correct), then the entries (memory). */
    public void invalidate() {
        if (!enabled) return;
        try {
            long next;
            do next = ThreadLocalRandom.current().nextLong(); while (next == generation());
            generations.put(CURRENT, next);
            responses.clear();
            invalidations.inc();
        } catch (RuntimeException e) {
            // After the commit: the change stands. Say so loudly; the time-to-live bounds the staleness.
            LOG.log(Level.SEVERE, "Could not invalidate the public-response cache", e);
        }
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
