package galley.webhooks.boundary;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an article event, as {@code galley.webhooks.control.Payloads} writes it. */
@Schema(name = "ArticleEvent", description = "The body of article.published, article.updated, article.unpublished and article.deleted.")
public record ArticleEvent(
        @Schema(description = "The event's id: the same in every endpoint's delivery of it; a receiver that sees it twice "
                + "(a redelivery, or a retry after a lost answer) can ignore the repeat.", required = true) UUID id,
        @Schema(enumeration = {"article.published", "article.updated", "article.unpublished", "article.deleted"},
                example = "article.published", required = true) String type,
        @Schema(description = "When the change was made.", required = true) Instant occurredAt,
        @Schema(required = true) Data data) {

    /** The article after the change (for article.deleted: when it was deleted). */
    @Schema(name = "ArticleEventData")
    public record Data(
            @Schema(required = true) UUID id,
            @Schema(example = "caspian-ports-ferry-capacity", required = true) String slug,
            @Schema(description = "Its language (BCP 47).", example = "en", required = true) String lang,
            @Schema(required = true) String title,
            @Schema(enumeration = {"DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"}, example = "PUBLISHED", required = true)
            String status,
            @Schema(description = "The article's version (its admin ETag).", example = "4", required = true) long version,
            @Schema(description = "First publication; absent if it never was published.") Instant publishedAt,
            @Schema(description = "Where the public API serves it while it is published: what to refetch or purge.",
                    example = "/api/articles/caspian-ports-ferry-capacity?lang=en", required = true) String apiPath) {
    }
}
