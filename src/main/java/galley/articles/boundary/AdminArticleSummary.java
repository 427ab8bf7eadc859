package galley.articles.boundary;

import galley.articles.entity.Article;
import galley.authors.boundary.AuthorSummary;
import galley.tags.boundary.TagView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in the editors' list, drafts included. */
@Schema(name = "AdminArticleSummary")
public record AdminArticleSummary(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String language,
        @Schema(required = true) String title,
        @Schema(enumeration = {"DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"}, required = true) String status,
        @Schema(required = true) List<AuthorSummary> authors,
        @Schema(required = true) List<TagView> tags,
        Instant publishedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    static AdminArticleSummary of(Article a) {
        return new AdminArticleSummary(a.getId(), a.getSlug(), a.getLanguage(), a.getTitle(), a.getStatus().name(),
                a.getAuthors().stream().map(au -> AuthorSummary.of(au, a.getLanguage())).toList(),
                TagView.sorted(a.getTags()),
                a.getPublishedAt(), a.getUpdatedAt(), a.getVersion());
    }
}
