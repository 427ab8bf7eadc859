package galley.articles.boundary;

import galley.articles.control.ArticleWithTranslations;
import galley.articles.entity.Article;
import galley.authors.boundary.AuthorSummary;
import galley.similar.boundary.SimilarPostView;
import galley.tags.boundary.TagView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published article, whole. */
@Schema(name = "Article")
public record ArticleView(
        @Schema(required = true) UUID id,
        @Schema(example = "csto-drills-in-kazakhstan", required = true) String slug,
        @Schema(description = "BCP 47 language tag.", example = "en", required = true) String language,
        @Schema(example = "CSTO Drills in Kazakhstan", required = true) String title,
        @Schema(description = "Subtitle or standfirst.") String excerpt,
        @Schema(description = "Sanitised HTML; footnote markers link to #ref-N.", required = true) String body,
        @Schema(required = true) List<AuthorSummary> authors,
        @Schema(required = true) List<TagView> tags,
        @Schema(description = "Numbered references, in order.", required = true) List<ReferenceView> references,
        @Schema(description = "The other published language versions.", required = true) List<TranslationView> translations,
        @Schema(description = "When it was first published; absent only in a preview of an article not yet published.") Instant publishedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(example = "812", required = true) int wordCount,
        @Schema(example = "4", required = true) int readingTimeMinutes,
        @Schema(description = "For search engines.") String seoDescription,
        ImageView featuredImage,
        @Schema(description = "Similar posts, when asked for with include=similar.") List<SimilarPostView> similar) {

    static ArticleView of(ArticleWithTranslations loaded) {
        return of(loaded, null);
    }

    static ArticleView of(ArticleWithTranslations loaded, List<SimilarPostView> similar) {
        Article a = loaded.article();
        return new ArticleView(a.getId(), a.getSlug(), a.getLanguage(), a.getTitle(), a.getExcerpt(), a.getBodyHtml(),
                a.getAuthors().stream().map(au -> AuthorSummary.of(au, a.getLanguage())).toList(),
                TagView.sorted(a.getTags()),
                a.getReferences().stream().map(ReferenceView::of).toList(),
                loaded.translations().stream().map(TranslationView::of).toList(),
                a.getPublishedAt(), a.getUpdatedAt(), a.getWordCount(), a.getReadingMinutes(), a.getSeoDescription(),
                ImageView.of(a.getFeaturedImageUrl(), a.getFeaturedImageAlt()), similar);
    }
}
