package galley.similar.control;

import galley.articles.entity.Article;
import galley.database.control.GalleyUnit;
import galley.errors.control.Unavailable;
import galley.search.control.SearchBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;

/**
 * The article index as the similarity engine reads it, on the configured backend: a Lucene snapshot
 * opened through Hibernate Search's Lucene extension ({@link LuceneIndexSnapshot}), or the OpenSearch
 * cluster ({@link OpenSearchIndexSnapshot}); and the cache of document vectors that spares rebuilding
 * them for every candidate.
 */
@ApplicationScoped
public class SimilarityIndex {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    @GalleyUnit
    EntityManagerFactory emf;

    @Inject
    SearchBackend backend;

    /** Above this many cached vectors, start over: a bound on memory (a vector is a few kilobytes). */
    static final int MAX_CACHED_VECTORS = 100_000;

    private final Map<UUID, DocVector> vectors = new ConcurrentHashMap<>();
    private volatile int vectorsComputedAt;

    /**
     * Runs {@code work} on a fresh snapshot of the index; needs a transaction. With the OpenSearch backend,
     * an article whose change the outbox has not indexed yet, or a cluster that does not answer, is a
     * {@link Unavailable} (503; background recomputations wait and try again).
     */
    public <T> T withModel(UUID articleId, Function<SimilarityModel, T> work) {
        if (!backend.isOpenSearch()) {
            try (IndexReader reader = Search.session(em).scope(Article.class)
                    .extension(LuceneExtension.get()).openIndexReader()) {
                return work.apply(model(new LuceneIndexSnapshot(reader), reader.numDocs()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (backend.indexingPending(articleId)) {
            throw new IndexBehind("The search index has not caught up with article " + articleId + " yet: try again in a moment.");
        }
        try {
            OpenSearchIndexSnapshot snapshot = new OpenSearchIndexSnapshot(Search.session(em), backend.client(), backend.readIndex());
            return work.apply(model(snapshot, snapshot.numDocs()));
        } catch (RuntimeException e) {
            throw backend.translate(e, "Recomputing similar posts");
        }
    }

    private SimilarityModel model(IndexSnapshot snapshot, int docs) {
        // Weights depend on document frequencies: start over when the collection changed by a tenth.
        if (Math.abs(docs - vectorsComputedAt) > Math.max(10, vectorsComputedAt / 10) || vectors.size() > MAX_CACHED_VECTORS) {
            vectors.clear();
            vectorsComputedAt = docs;
        }
        return new SimilarityModel(snapshot, vectors);
    }

    /**
     * Runs {@code work} on one snapshot of the index, without a transaction: for long work such as a full
     * recomputation. The work gets a supplier of models over the snapshot, one per thread.
     */
    public <T> T withSnapshot(Function<Supplier<SimilarityModel>, T> work) {
        if (!backend.isOpenSearch()) {
            try (IndexReader reader = Search.mapping(emf).scope(Article.class)
                    .extension(LuceneExtension.get()).openIndexReader()) {
                vectors.clear();
                vectorsComputedAt = reader.numDocs();
                return work.apply(() -> new SimilarityModel(new LuceneIndexSnapshot(reader), vectors));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Searches need a session; its entity manager never loads an entity here (ids only).
        java.util.List<EntityManager> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            vectors.clear();
            return work.apply(() -> {
                EntityManager reading = emf.createEntityManager();
                opened.add(reading);
                OpenSearchIndexSnapshot snapshot = new OpenSearchIndexSnapshot(Search.session(reading), backend.client(), backend.readIndex());
                vectorsComputedAt = snapshot.numDocs();
                return new SimilarityModel(snapshot, vectors);
            });
        } finally {
            opened.forEach(EntityManager::close);
        }
    }

    /**
     * Merges the index into as few segments as the backend allows: every document-frequency lookup of a
     * full recomputation then seeks one term dictionary instead of one per segment (ten times faster at
     * 50,000 articles). Writes go on meanwhile.
     */
    public void mergeSegments() {
        Search.mapping(emf).scope(Article.class).workspace().mergeSegments();
    }

    /** Whether the index holds the article's latest change (with outbox-polling, its event may still wait). */
    public boolean holdsLatest(UUID articleId) {
        return !backend.isOpenSearch() || !backend.indexingPending(articleId);
    }

    /** Forgets what was cached about an article that changed. */
    public void forget(UUID articleId) {
        vectors.remove(articleId);
    }

    /** The index does not hold an article's latest change yet (outbox-polling indexes after the commit). */
    public static final class IndexBehind extends Unavailable {
        public IndexBehind(String message) {
            super(message, Duration.ofSeconds(1));
        }
    }
}
