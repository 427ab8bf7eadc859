package galley.articles.control;

import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.authors.control.Authors;
import galley.authors.entity.Author;
import galley.database.control.GalleyUnit;
import galley.paging.control.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Hibernate;
import org.hibernate.Session;

/**
 * Queries for lists and single articles that load exactly what a response shows, in a fixed number of
 * statements however many articles, authors and tags a page holds: count, ids of the page, then the
 * articles, their authors, tags and author profiles from the second-level cache, or one batch each.
 */
@ApplicationScoped
public class ArticleFinder {

    @Inject
    @GalleyUnit
    EntityManager em;

    public Page<Article> page(ArticleQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", query.status());
        }
        if (query.language() != null && query.fallbackLanguage() != null && !query.fallbackLanguage().equals(query.language())) {
            where.append(" and (a.language = :language or (a.language = :fallback and not exists (select 1 from Article o"
                    + " where o.translationGroup = a.translationGroup and o.language = :language and o.status = :published)))");
            params.put("language", query.language());
            params.put("fallback", query.fallbackLanguage());
            params.put("published", ArticleStatus.PUBLISHED);
        } else if (query.language() != null) {
            where.append(" and a.language = :language");
            params.put("language", query.language());
        }
        if (query.tagSlug() != null) {
            where.append(" and exists (select 1 from Article t_a join t_a.tags t where t_a = a and t.slug = :tag)");
            params.put("tag", query.tagSlug());
        }
        if (query.authorSlug() != null) {
            where.append(" and exists (select 1 from Article au_a join au_a.authors au where au_a = a and au.slug = :author)");
            params.put("author", query.authorSlug());
        }
        if (query.createdBy() != null) {
            where.append(" and a.createdBy = :createdBy");
            params.put("createdBy", query.createdBy());
        }
        if (query.from() != null) {
            where.append(" and a.publishedAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and a.publishedAt < :to");
            params.put("to", query.to());
        }
        TypedQuery<Long> count = em.createQuery("select count(a) from Article a" + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0 || query.page().offset() >= total) {
            return new Page<>(List.of(), query.page().page(), query.page().size(), total);
        }
        TypedQuery<UUID> ids = em.createQuery("select a.id from Article a" + where + orderBy(query), UUID.class);
        params.forEach(ids::setParameter);
        List<UUID> pageIds = ids.setFirstResult(query.page().offset()).setMaxResults(query.page().size()).getResultList();
        return new Page<>(loadForList(pageIds), query.page().page(), query.page().size(), total);
    }

    /**
     * The articles with these ids, in this order, with authors (and their profiles) and tags loaded. Through
     * the second-level cache: what it keeps costs no statement; what it misses is loaded in one batch
     * statement per kind (articles, author lists, tag sets, author profiles), whatever the page size.
     */
    public List<Article> loadForList(List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        List<Article> ordered = em.unwrap(Session.class).findMultiple(Article.class, ids).stream()
                .filter(java.util.Objects::nonNull).toList();
        ordered.forEach(a -> Hibernate.initialize(a.getAuthors()));
        ordered.forEach(a -> Hibernate.initialize(a.getTags()));
        Authors.initializeProfiles(ordered.stream().flatMap(a -> a.getAuthors().stream()).distinct().toList());
        return ordered;
    }

    /** Loads what a full article response shows: authors with profiles, tags and references. */
    public Article loadFully(Article article) {
        Hibernate.initialize(article.getAuthors());
        Hibernate.initialize(article.getTags());
        Hibernate.initialize(article.getReferences());
        List<Author> authors = article.getAuthors();
        Authors.initializeProfiles(authors);
        return article;
    }

    /** The other versions of an article's translation group, by language; only published ones if asked. */
    public List<Translation> translationsOf(Article article, boolean publishedOnly) {
        TypedQuery<Object[]> query = em.createQuery("select a.id, a.language, a.slug, a.title, a.status from Article a "
                        + "where a.translationGroup = :group and a.id <> :id"
                        + (publishedOnly ? " and a.status = :published" : ""), Object[].class)
                .setParameter("group", article.getTranslationGroup())
                .setParameter("id", article.getId());
        if (publishedOnly) query.setParameter("published", ArticleStatus.PUBLISHED);
        return query.getResultList().stream()
                .map(r -> new Translation((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], r[4].toString()))
                .sorted(Comparator.comparing(Translation::language))
                .toList();
    }

    private static String orderBy(ArticleQuery query) {
        return switch (query.sort()) {
            case NEWEST -> query.status() == ArticleStatus.PUBLISHED
                    ? " order by a.publishedAt desc, a.id desc"
                    : " order by a.updatedAt desc, a.id desc";
            case OLDEST -> " order by a.publishedAt asc nulls last, a.id asc";
            case TITLE -> " order by a.titleKey asc, a.id asc";
        };
    }
}
