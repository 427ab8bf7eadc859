package galley.webhooks.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a delivery tells its endpoint about, by the name it carries on the wire ({@code X-Galley-Event}, {@code type}). */
public enum EventType {
    /** An article became public: published now, by its schedule, again after archiving, or by an import. */
    ARTICLE_PUBLISHED("article.published"),
    /** A published article's content, slug, language or translation group changed (edits of drafts are not events). */
    ARTICLE_UPDATED("article.updated"),
    /** A published article left the public API: back to draft, or archived. */
    ARTICLE_UNPUBLISHED("article.unpublished"),
    /** A published article was deleted (drafts and archived articles were never, or are no longer, public). */
    ARTICLE_DELETED("article.deleted"),
    /** An author's profile changed. */
    AUTHOR_UPDATED("author.updated"),
    /** Sent on an admin's request to test an endpoint; not subscribable. */
    PING("ping");

    /** The subscribable names, as a regular expression for input validation. */
    public static final String SUBSCRIBABLE_PATTERN =
            "article\\.published|article\\.updated|article\\.unpublished|article\\.deleted|author\\.updated";

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean subscribable() {
        return this != PING;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The names an endpoint may subscribe to, in a stable order. */
    public static List<String> subscribableNames() {
        return Arrays.stream(values()).filter(EventType::subscribable).map(EventType::wireName).toList();
    }
}
