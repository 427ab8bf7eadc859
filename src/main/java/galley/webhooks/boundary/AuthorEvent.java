package galley.webhooks.boundary;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an author event, as {@code galley.webhooks.control.Payloads} writes it. */
@Schema(name = "AuthorEvent", description = "The body of author.updated.")
public record AuthorEvent(
        @Schema(description = "The event's id: the same in every endpoint's delivery of it.", required = true) UUID id,
        @Schema(enumeration = {"author.updated"}, example = "author.updated", required = true) String type,
        @Schema(description = "When the change was made.", required = true) Instant occurredAt,
        @Schema(required = true) Data data) {

    /** The author after the change. */
    @Schema(name = "AuthorEventData")
    public record Data(
            @Schema(required = true) UUID id,
            @Schema(example = "selin-arslan", required = true) String slug,
            @Schema(example = "Selin Arslan", required = true) String name,
            @Schema(description = "The author's version (its admin ETag).", example = "2", required = true) long version,
            @Schema(example = "/api/authors/selin-arslan", required = true) String apiPath) {
    }
}
