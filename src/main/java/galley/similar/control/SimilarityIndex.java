package galley.similar.control;

import galley.articles.entity.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;

/**
 * Snapshots of the article index for the similarity engine, opened through Hibernate Search, and the
 * cache of document vector norms that spares recomputing them for every candidate.
 */
@ApplicationScoped
public class SimilarityIndex {

    @PersistenceContext
    EntityManager em;

    /** Above this many cached document frequencies, start over: a bound on memory. */
    static final int MAX_CACHED_IDFS = 400_000;

    private final Map<UUID, Double> norms = new ConcurrentHashMap<>();
    private final Map<String, Map<org.apache.lucene.util.BytesRef, Double>> idfs = new ConcurrentHashMap<>();
    private volatile int normsComputedAt;

    /** Runs {@code work} on a fresh snapshot of the index; needs a transaction. */
    public <T> T withModel(Function<SimilarityModel, T> work) {
        try (IndexReader reader = Search.session(em).scope(Article.class)
                .extension(LuceneExtension.get()).openIndexReader()) {
            int docs = reader.numDocs();
            // Norms depend on document frequencies: start over when the collection changed by a tenth.
            if (Math.abs(docs - normsComputedAt) > Math.max(10, normsComputedAt / 10)) {
                norms.clear();
                idfs.clear();
                normsComputedAt = docs;
            }
            if (idfs.values().stream().mapToInt(Map::size).sum() > MAX_CACHED_IDFS) idfs.clear();
            return work.apply(new SimilarityModel(reader, norms, idfs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets what was cached about an article that changed. */
    public void forget(UUID articleId) {
        norms.remove(articleId);
    }
}
