package galley.search.control;

import galley.articles.entity.Article;
import galley.database.control.GalleyUnit;
import galley.errors.control.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.time.Duration;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.outboxpolling.OutboxPollingExtension;
import org.hibernate.search.mapper.orm.outboxpolling.mapping.OutboxPollingSearchMapping;

/**
 * The search backend this node runs on, as Hibernate Search was configured ({@link SearchSettings}): the
 * embedded Lucene index or an OpenSearch cluster. Other parts ask it which one it is, for the cluster's
 * client and index name, whether the cluster answers, and how to report a search that failed.
 */
@ApplicationScoped
public class SearchBackend {

    /** How long a client should wait before trying a search again while the cluster is away. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Inject
    @GalleyUnit
    EntityManagerFactory emf;

    private volatile Boolean openSearch;
    private volatile Boolean outbox;

    /** Whether the index is on an OpenSearch (or Elasticsearch) cluster rather than embedded Lucene. */
    public boolean isOpenSearch() {
        Boolean known = openSearch;
        if (known == null) {
            known = Search.mapping(emf).backend() instanceof ElasticsearchBackend;
            openSearch = known;
        }
        return known;
    }

    public String name() {
        return isOpenSearch() ? "opensearch" : "lucene";
    }

    /** The cluster's low-level client (OpenSearch only), shared with Hibernate Search. */
    public RestClient client() {
        return Search.mapping(emf).backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
    }

    /** The alias searches read the article index through (OpenSearch only). */
    public String readIndex() {
        return Search.mapping(emf).indexedEntity(Article.class).indexManager()
                .unwrap(ElasticsearchIndexManager.class).descriptor().readName();
    }

    /** Whether the index can be searched now: always for Lucene; for OpenSearch, whether its cluster answers. */
    public boolean reachable() {
        if (!isOpenSearch()) return true;
        Request request = new Request("GET", "/_cluster/health/" + readIndex());
        request.addParameter("timeout", "2s");
        // Not the backend's long read timeout: a health check answers within seconds or not at all.
        request.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(
                org.apache.http.client.config.RequestConfig.custom().setConnectTimeout(2000).setSocketTimeout(4000).build()));
        try {
            String body = new String(client().performRequest(request).getEntity().getContent().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            return !body.contains("\"status\":\"red\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a change of this article still waits in the outbox to be indexed (OpenSearch with
     * outbox-polling coordination; always false otherwise, where indexing ends with the transaction).
     */
    public boolean indexingPending(java.util.UUID articleId) {
        if (!outboxPolling()) return false;
        try (EntityManager em = emf.createEntityManager()) {
            Number pending = (Number) em.createNativeQuery(
                            "select count(*) from hsearch_outbox_event where entityName = ?1 and entityId = ?2")
                    .setParameter(1, Article.class.getSimpleName()).setParameter(2, articleId.toString()).getSingleResult();
            return pending.longValue() > 0;
        }
    }

    /** Changes waiting in the outbox to be indexed: pending, and aborted after failing; null without outbox. */
    public long[] outboxBacklog() {
        if (!outboxPolling()) return null;
        try (EntityManager em = emf.createEntityManager()) {
            long pending = ((Number) em.createNativeQuery("select count(*) from hsearch_outbox_event where status = 'PENDING'")
                    .getSingleResult()).longValue();
            long aborted = ((Number) em.createNativeQuery("select count(*) from hsearch_outbox_event where status = 'ABORTED'")
                    .getSingleResult()).longValue();
            return new long[] {pending, aborted};
        }
    }

    /** Whether indexing goes through the outbox (outbox-polling coordination). */
    public boolean outboxPolling() {
        Boolean known = outbox;
        if (known == null) {
            try {
                Search.mapping(emf).extension(OutboxPollingExtension.get());
                known = true;
            } catch (org.hibernate.search.util.common.SearchException e) {
                known = false;
            }
            outbox = known;
        }
        return known;
    }

    /** The outbox's own operations (outbox-polling only): aborted events counted and put back in the queue. */
    public OutboxPollingSearchMapping outbox() {
        return Search.mapping(emf).extension(OutboxPollingExtension.get());
    }

    /**
     * What to throw for a failed search: {@link Unavailable} (503, with Retry-After) when the engine is away,
     * the original failure otherwise. Syntax errors are the caller's to report.
     */
    public RuntimeException translate(RuntimeException failure, String what) {
        if (SearchFailures.classify(failure) == SearchFailures.Kind.UNAVAILABLE) {
            java.util.logging.Logger.getLogger(SearchBackend.class.getName()).warning(
                    () -> what + ": the search backend (" + name() + ") is not available: " + firstLine(failure.getMessage()));
            return new Unavailable(what + " is not available: the search index cannot be reached. Try again later.", RETRY_AFTER);
        }
        return failure;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
