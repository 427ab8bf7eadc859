package galley.articles.entity;

/**
 * Where an article stands in the editorial workflow. Only published articles reach the public API.
 * <pre>
 * (an author's DRAFT ──submit──▶ IN_REVIEW, which editors schedule, publish or send back as a draft)
 * DRAFT ──schedule──▶ SCHEDULED ──(publish_at)──▶ PUBLISHED ──archive──▶ ARCHIVED
 *   ▲ └────────────publish────────────────────────▲   │                     │
 *   └──────────────────────unpublish──────────────────┴─────────────────────┘
 * </pre>
 */
public enum ArticleStatus {
    DRAFT,
    /** Submitted by its author; waits for an editor. */
    IN_REVIEW,
    /** Waiting for its publish-at time; Galley publishes it then, once, on one node. */
    SCHEDULED,
    PUBLISHED,
    /** Taken off the public site but kept, unlike a draft, as published once. */
    ARCHIVED
}
