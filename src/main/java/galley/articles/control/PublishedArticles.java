package galley.articles.control;

import galley.articles.entity.Article;
import galley.articles.entity.ArticleStatus;
import galley.database.control.GalleyUnit;
import galley.errors.control.NotFound;
import galley.paging.control.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Hibernate;

/** What readers see: published articles only. A draft is as absent as a slug that never existed. */
@ApplicationScoped
@Transactional
public class PublishedArticles {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    ArticleFinder finder;

    @Inject
    @ConfigProperty(name = "galley.default-language", defaultValue = "en")
    String defaultLanguage;

    public Page<Article> page(ArticleQuery query) {
        return finder.page(new ArticleQuery(ArticleStatus.PUBLISHED, query.language(), query.tagSlug(),
                query.authorSlug(), query.from(), query.to(), query.sort(), query.page(), query.fallbackLanguage(), null));
    }

    /**
     * The published article with this slug. Slugs are unique per language: without a language, or when the
     * slug exists in several, the default language wins, then the earliest publication.
     */
    public ArticleWithTranslations bySlug(String slug, String language) {
        return bySlug(slug, language, null);
    }

    /**
     * As {@link #bySlug(String, String)}; when the slug exists in several languages, {@code preferred}
     * (the reader's negotiated language) wins over the default.
     */
    public ArticleWithTranslations bySlug(String slug, String language, String preferred) {
        // Three statements whatever the number of authors, tags and references: the article with its authors,
        // their profiles and its tags; its references; its published translations.
        Article article = bySlug(slug, language, preferred, FETCH_RELATIONS);
        Hibernate.initialize(article.getReferences());
        return new ArticleWithTranslations(article, finder.translationsOf(article, true));
    }

    /**
     * The published article that had this slug before (in {@code language}, when given), for a redirect;
     * empty when none did or it is not published now.
     */
    public java.util.Optional<Article> movedFrom(String slug, String language) {
        TypedQuery<Article> query = em.createQuery("select a from SlugRedirect r, Article a where r.slug = :slug"
                        + " and a.id = r.articleId and a.status = :published" + (language == null ? "" : " and r.language = :language")
                        + " order by r.createdAt desc", Article.class)
                .setParameter("slug", slug).setParameter("published", ArticleStatus.PUBLISHED);
        if (language != null) query.setParameter("language", language);
        return query.setMaxResults(1).getResultStream().findFirst();
    }

    /** The published article with this slug, without its relations. */
    public Article bySlugShallow(String slug, String language) {
        return bySlugShallow(slug, language, null);
    }

    private Article bySlugShallow(String slug, String language, String preferred) {
        return bySlug(slug, language, preferred, "");
    }

    private static final String FETCH_RELATIONS =
            " left join fetch a.authors au left join fetch au.profiles left join fetch a.tags";

    private Article bySlug(String slug, String language, String preferred, String fetches) {
        TypedQuery<Article> query = em.createQuery("select a from Article a" + fetches
                        + " where a.slug = :slug and a.status = :published"
                        + (language == null ? "" : " and a.language = :language"), Article.class)
                .setParameter("slug", slug)
                .setParameter("published", ArticleStatus.PUBLISHED);
        if (language != null) query.setParameter("language", language);
        List<Article> candidates = query.getResultList();
        return candidates.stream()
                .min(Comparator.comparing((Article a) -> !a.getLanguage().equals(preferred))
                        .thenComparing(a -> !a.getLanguage().equals(defaultLanguage))
                        .thenComparing(Article::getPublishedAt))
                .orElseThrow(() -> new NotFound("article", slug));
    }
}
