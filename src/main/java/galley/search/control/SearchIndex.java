package galley.search.control;

import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.database.control.GalleyUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

/**
 * Keeps the article index in step with the database: an index that is missing or disagrees with the
 * database (another copy of the data directory, a crash between commit and indexing, a new OpenSearch
 * cluster) is rebuilt from the database with the mass indexer, which logs its progress. With the outbox
 * (OpenSearch), changes still queued are not a disagreement: the agents are indexing them.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    @Inject
    @GalleyUnit
    EntityManager em;

    @jakarta.inject.Inject
    SearchBackend backend;

    /** Whether the index holds as many articles, and as many published ones, as the database. */
    @Transactional
    public boolean current() {
        // Changes still in the outbox are being indexed by the nodes' agents: counts would disagree for a moment.
        long[] backlog = backend.outboxBacklog();
        if (backlog != null && backlog[0] + backlog[1] > 0) return true;
        SearchSession search = Search.session(em);
        long indexed = search.search(Article.class).where(f -> f.matchAll()).fetchTotalHitCount();
        long indexedPublished = search.search(Article.class)
                .where(f -> f.match().field("status").matching(ArticleStatus.PUBLISHED)).fetchTotalHitCount();
        long stored = em.createQuery("select count(a) from Article a", Long.class).getSingleResult();
        long published = em.createQuery("select count(a) from Article a where a.status = :p", Long.class)
                .setParameter("p", ArticleStatus.PUBLISHED).getSingleResult();
        boolean current = indexed == stored && indexedPublished == published;
        if (!current) {
            LOG.warning(() -> "The search index holds " + indexed + " articles (" + indexedPublished + " published), the database "
                    + stored + " (" + published + " published): rebuilding the index.");
        }
        return current;
    }

    /**
     * Creates the OpenSearch index when it is missing, else checks it against the mapping (the Lucene backend
     * does this at boot). Nodes started together race to create it: the one that loses finds it there on its
     * next try and only checks it.
     */
    public void prepareSchema() {
        if (!backend.isOpenSearch()) return;
        var schema = Search.mapping(em.getEntityManagerFactory()).scope(Object.class).schemaManager();
        for (int attempt = 1; ; attempt++) {
            try {
                schema.createOrValidate();
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5 || !createdMeanwhile(e)) throw e;
                LOG.info("Another node created the search index at the same time; checking it again");
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean createdMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("resource_already_exists_exception") || message.contains("invalid_alias_name_exception"))) {
                return true;
            }
        }
        return false;
    }

    /** Rebuilds the index from the database; blocks until done. */
    public void rebuild() throws InterruptedException {
        long started = System.nanoTime();
        Search.mapping(em.getEntityManagerFactory()).scope(Article.class).massIndexer()
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(100)
                .startAndWait();
        LOG.info(() -> "Search index rebuilt in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
