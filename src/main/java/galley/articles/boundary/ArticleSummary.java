package galley.articles.boundary;

import galley.articles.entity.Article;
import galley.authors.boundary.AuthorSummary;
import galley.tags.boundary.TagView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list. */
@Schema(name = "ArticleSummary")
public record ArticleSummary(
        @Schema(required = true) UUID id,
        @Schema(example = "csto-drills-in-kazakhstan", required = true) String slug,
        @Schema(description = "BCP 47 language tag.", example = "en", required = true) String language,
        @Schema(example = "CSTO Drills in Kazakhstan", required = true) String title,
        String excerpt,
        @Schema(required = true) List<AuthorSummary> authors,
        @Schema(required = true) List<TagView> tags,
        @Schema(required = true) Instant publishedAt,
        @Schema(example = "4", required = true) int readingTimeMinutes,
        ImageView featuredImage) {

    static ArticleSummary of(Article a) {
        return new ArticleSummary(a.getId(), a.getSlug(), a.getLanguage(), a.getTitle(), a.getExcerpt(),
                a.getAuthors().stream().map(au -> AuthorSummary.of(au, a.getLanguage())).toList(),
                TagView.sorted(a.getTags()),
                a.getPublishedAt(), a.getReadingMinutes(),
                ImageView.of(a.getFeaturedImageUrl(), a.getFeaturedImageAlt()));
    }
}
