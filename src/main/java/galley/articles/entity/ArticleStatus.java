package galley.articles.entity;

/**
 * Where an article stands in the editorial workflow. Only published articles reach the public API.
 * <pre>
 * DRAFT ──schedule──▶ SCHEDULED ──(publish_at)──▶ PUBLISHED ──archive──▶ ARCHIVED
 *   ▲ └────────────publish────────────────────────▲   │                     │
 *   └──────────────────────unpublish──────────────────┴─────────────────────┘
 * </pre>
 */
public enum ArticleStatus {
    DRAFT,
    /** Waiting for its publish-at time; Galley publishes it then, once, on one node. */
    SCHEDULED,
    PUBLISHED,
    /** Taken off the public site but kept, unlike a draft, as published once. */
    ARCHIVED
}
