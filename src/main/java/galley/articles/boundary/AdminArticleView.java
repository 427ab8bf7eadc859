package galley.articles.boundary;

import galley.articles.control.ArticleWithTranslations;
import galley.articles.entity.Article;
import galley.authors.boundary.AuthorSummary;
import galley.tags.boundary.TagView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as editors see it: Markdown source and rendering, status and bookkeeping. */
@Schema(name = "AdminArticle")
public record AdminArticleView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String language,
        @Schema(description = "Shared by all language versions of this article.", required = true) UUID translationGroup,
        @Schema(enumeration = {"DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"}, required = true) String status,
        @Schema(required = true) String title,
        String excerpt,
        @Schema(description = "Markdown source.", required = true) String body,
        @Schema(description = "Sanitised HTML rendering of the body.", required = true) String bodyHtml,
        String seoDescription,
        ImageView featuredImage,
        @Schema(required = true) List<AuthorSummary> authors,
        @Schema(required = true) List<TagView> tags,
        @Schema(required = true) List<ReferenceView> references,
        @Schema(description = "Other versions in the translation group, in any status.", required = true) List<AdminTranslationView> translations,
        @Schema(required = true) int wordCount,
        @Schema(required = true) int readingTimeMinutes,
        Instant publishedAt,
        @Schema(description = "When a scheduled article will be published.") Instant publishAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "Changes with every update.", required = true) long version) implements galley.concurrency.boundary.Versioned {

    static AdminArticleView of(ArticleWithTranslations loaded) {
        Article a = loaded.article();
        return new AdminArticleView(a.getId(), a.getSlug(), a.getLanguage(), a.getTranslationGroup(), a.getStatus().name(),
                a.getTitle(), a.getExcerpt(), a.getBodyMarkdown(), a.getBodyHtml(), a.getSeoDescription(),
                ImageView.of(a.getFeaturedImageUrl(), a.getFeaturedImageAlt()),
                a.getAuthors().stream().map(au -> AuthorSummary.of(au, a.getLanguage())).toList(),
                TagView.sorted(a.getTags()),
                a.getReferences().stream().map(ReferenceView::of).toList(),
                loaded.translations().stream().map(AdminTranslationView::of).toList(),
                a.getWordCount(), a.getReadingMinutes(), a.getPublishedAt(), a.getPublishAt(), a.getCreatedAt(), a.getUpdatedAt(),
                a.getVersion());
    }
}
