package galley.articles.control;

import galley.articles.entity.Article;
import galley.database.control.GalleyUnit;
import galley.errors.control.NotFound;
import galley.security.control.AccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * An article in any status, loaded as the public API loads a published one (with its published
 * translations), so a preview shows exactly what publishing it would.
 */
@ApplicationScoped
@Transactional
public class ArticlePreviews {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    ArticleFinder finder;

    @Inject
    Articles articles;

    public boolean exists(UUID id) {
        return em.find(Article.class, id) != null;
    }

    public ArticleWithTranslations forEditor(UUID id) {
        articles.findForReading(id);
        return load(id);
    }

    /** For the holder of a preview link; {@link PreviewLinks#verify} has checked it. */
    public ArticleWithTranslations forLink(UUID id) {
        return load(id);
    }

    private ArticleWithTranslations load(UUID id) {
        Article article = em.find(Article.class, id);
        if (article == null) throw new NotFound("article", id);
        finder.loadFully(article);
        return new ArticleWithTranslations(article, finder.translationsOf(article, true));
    }
}
