package galley.articles.control;

import galley.articles.entity.ArticleStatus;
import galley.paging.control.PageRequest;
import java.time.Instant;

/**
 * Which articles a list shows. Null fields do not filter. {@code from}/{@code to} bound the publication
 * date (inclusive, exclusive). With a {@code fallbackLanguage}, a list in {@code language} also shows
 * the articles in the fallback language that have no published version in {@code language}. With
 * {@code createdBy}, only the articles that user created.
 */
public record ArticleQuery(
        ArticleStatus status,
        String language,
        String tagSlug,
        String authorSlug,
        Instant from,
        Instant to,
        Sort sort,
        PageRequest page,
        String fallbackLanguage,
        String createdBy) {

    /** The same list, limited to the articles {@code user} created. */
    public ArticleQuery createdBy(String user) {
        return new ArticleQuery(status, language, tagSlug, authorSlug, from, to, sort, page, fallbackLanguage, user);
    }

    /** The orders a list can have. */
    public enum Sort {
        /** Newest publication first (drafts by last change). */
        NEWEST,
        /** Oldest publication first. */
        OLDEST,
        /** By title. */
        TITLE
    }
}
