package galley.articles.control;

import java.util.UUID;

/**
 * Fired inside the transaction that changes an article, so features that derive data from articles
 * (similar posts, later webhooks) can react once it commits.
 */
public record ArticleChanged(UUID articleId, Kind kind) {

    /** What happened to the article. */
    public enum Kind { CREATED, UPDATED, PUBLISHED, UNPUBLISHED, DELETED }
}
