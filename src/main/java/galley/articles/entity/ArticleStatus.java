package galley.articles.entity;

/** Where an article stands in the editorial workflow. Only published articles reach the public API. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
