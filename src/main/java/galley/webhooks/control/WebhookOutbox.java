package galley.webhooks.control;

import galley.articles.control.ArticleChanged;
import galley.articles.control.ArticlesImported;
import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.authors.control.AuthorChanged;
import galley.authors.entity.Author;
import galley.database.control.GalleyUnit;
import galley.webhooks.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes the deliveries of content events into the outbox, in the transaction of the change itself (plain
 * synchronous observers): the change and its deliveries commit together or not at all, so no event is lost
 * if the node dies right after the commit, and the editor's request never waits for a receiver.
 *
 * <p>Only what the public API can see is an event: {@code article.updated} is a change to a published
 * article (edits of drafts, scheduled or archived articles are not), {@code article.deleted} the deletion
 * of a published one. Creating an article or an author is not an event.
 */
@ApplicationScoped
@Transactional
public class WebhookOutbox {

    /** Imports look up their articles in slices of this many ids. */
    private static final int SLICE = 500;

    @Inject
    @GalleyUnit
    EntityManager em;

    void onArticleChanged(@Observes ArticleChanged event) {
        EventType type = switch (event.kind()) {
            case PUBLISHED -> EventType.ARTICLE_PUBLISHED;
            case UNPUBLISHED -> EventType.ARTICLE_UNPUBLISHED;
            case UPDATED -> EventType.ARTICLE_UPDATED;
            case DELETED -> EventType.ARTICLE_DELETED;
            case CREATED -> null;
        };
        if (type == null) return;
        List<UUID> endpoints = subscribers(type);
        if (endpoints.isEmpty()) return;
        Article article = em.find(Article.class, event.articleId());
        if (article == null) return;
        boolean isPublic = article.getStatus() == ArticleStatus.PUBLISHED;
        if ((type == EventType.ARTICLE_UPDATED || type == EventType.ARTICLE_DELETED) && !isPublic) return;
        record(type, articleData(article.getId(), article.getSlug(), article.getLanguage(), article.getTitle(),
                article.getStatus(), article.getVersion(), article.getPublishedAt()), endpoints);
    }

    /** An import that published its articles publishes each of them. */
    void onArticlesImported(@Observes ArticlesImported event) {
        List<UUID> endpoints = subscribers(EventType.ARTICLE_PUBLISHED);
        if (endpoints.isEmpty() || event.articleIds().isEmpty()) return;
        List<UUID> ids = event.articleIds();
        for (int from = 0; from < ids.size(); from += SLICE) {
            List<Object[]> rows = em.createQuery("select a.id, a.slug, a.language, a.title, a.status, a.version, a.publishedAt "
                            + "from Article a where a.id in :ids and a.status = :published", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + SLICE)))
                    .setParameter("published", ArticleStatus.PUBLISHED).getResultList();
            for (Object[] r : rows) {
                record(EventType.ARTICLE_PUBLISHED, articleData((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (ArticleStatus) r[4], ((Number) r[5]).longValue(), (Instant) r[6]), endpoints);
            }
        }
    }

    void onAuthorChanged(@Observes AuthorChanged event) {
        if (event.kind() != AuthorChanged.Kind.UPDATED) return;
        List<UUID> endpoints = subscribers(EventType.AUTHOR_UPDATED);
        if (endpoints.isEmpty()) return;
        Author author = em.find(Author.class, event.authorId());
        if (author == null) return;
        record(EventType.AUTHOR_UPDATED, Payloads.author(author.getId(), author.getSlug(), author.getDisplayName(), author.getVersion()),
                endpoints);
    }

    /** A ping for one endpoint, to test it: delivered like any event. */
    public WebhookDelivery ping(UUID endpointId) {
        return record(EventType.PING, Payloads.ping(endpointId), List.of(endpointId)).get(0);
    }

    /** The same event sent again to its endpoint, as a new delivery with a fresh attempt budget. */
    public WebhookDelivery again(WebhookDelivery earlier) {
        WebhookDelivery copy = new WebhookDelivery(UUID.randomUUID(), earlier.getEndpointId(), earlier.getEventId(),
                earlier.getEventType(), earlier.getPayload(), now());
        em.persist(copy);
        return copy;
    }

    /** Active endpoints subscribed to {@code type}. */
    private List<UUID> subscribers(EventType type) {
        return em.createQuery("select e.id from WebhookEndpoint e join e.events ev where e.active = true and ev = :type", UUID.class)
                .setParameter("type", type.wireName()).getResultList();
    }

    /** One event: one id and body, one delivery per endpoint. */
    private List<WebhookDelivery> record(EventType type, JsonObject data, List<UUID> endpoints) {
        Instant now = now();
        UUID eventId = UUID.randomUUID();
        String payload = Payloads.event(eventId, type, now, data);
        List<WebhookDelivery> deliveries = endpoints.stream()
                .map(endpoint -> new WebhookDelivery(UUID.randomUUID(), endpoint, eventId, type.wireName(), payload, now)).toList();
        deliveries.forEach(em::persist);
        return deliveries;
    }

    private static JsonObject articleData(UUID id, String slug, String language, String title, ArticleStatus status, long version,
                                          Instant publishedAt) {
        return Payloads.article(id, slug, language, title, status.name(), version, publishedAt);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
