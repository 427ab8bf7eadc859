package galley.similar.control;

import galley.articles.entity.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;

/**
 * Snapshots of the article index for the similarity engine, opened through Hibernate Search, and the
 * cache of document vectors that spares rebuilding them for every candidate.
 */
@ApplicationScoped
public class SimilarityIndex {

    @PersistenceContext
    EntityManager em;

    @PersistenceUnit
    EntityManagerFactory emf;

    /** Above this many cached vectors, start over: a bound on memory (a vector is a few kilobytes). */
    static final int MAX_CACHED_VECTORS = 100_000;

    private final Map<UUID, DocVector> vectors = new ConcurrentHashMap<>();
    private volatile int vectorsComputedAt;

    /** Runs {@code work} on a fresh snapshot of the index; needs a transaction. */
    public <T> T withModel(Function<SimilarityModel, T> work) {
        try (IndexReader reader = Search.session(em).scope(Article.class)
                .extension(LuceneExtension.get()).openIndexReader()) {
            int docs = reader.numDocs();
            // Weights depend on document frequencies: start over when the collection changed by a tenth.
            if (Math.abs(docs - vectorsComputedAt) > Math.max(10, vectorsComputedAt / 10)
                    || vectors.size() > MAX_CACHED_VECTORS) {
                vectors.clear();
                vectorsComputedAt = docs;
            }
            return work.apply(new SimilarityModel(reader, vectors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} on one snapshot of the index, without a transaction: for long work such as a full
     * recomputation. The work gets a supplier of models over the snapshot, one per thread.
     */
    public <T> T withSnapshot(Function<Supplier<SimilarityModel>, T> work) {
        try (IndexReader reader = Search.mapping(emf).scope(Article.class)
                .extension(LuceneExtension.get()).openIndexReader()) {
            vectors.clear();
            vectorsComputedAt = reader.numDocs();
            return work.apply(() -> new SimilarityModel(reader, vectors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index into as few segments as Lucene allows: every document-frequency lookup of a full
     * recomputation then seeks one term dictionary instead of one per segment (ten times faster at 50,000
     * articles). Writes go on meanwhile.
     */
    public void mergeSegments() {
        Search.mapping(emf).scope(Article.class).workspace().mergeSegments();
    }

    /** Forgets what was cached about an article that changed. */
    public void forget(UUID articleId) {
        vectors.remove(articleId);
    }
}
