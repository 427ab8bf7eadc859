package galley.articles.boundary;

import galley.articles.control.ArticleFields;
import galley.i18n.control.LanguageTag;
import galley.i18n.control.Languages;
import galley.text.control.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as editors write it. */
@Schema(name = "ArticleInput")
public record ArticleInput(
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Unique per language. Made from the title (transliterated to ASCII) when absent; on replace, absent keeps the current slug.",
                example = "csto-drills-in-kazakhstan")
        String slug,
        @NotBlank @Size(max = Languages.MAX_LENGTH) @LanguageTag @Schema(description = "BCP 47 language tag.", example = "en", required = true) String language,
        @NotBlank @Size(max = 300) @Schema(example = "CSTO Drills in Kazakhstan", required = true) String title,
        @Size(max = 1000) @Schema(description = "Subtitle or standfirst.") String excerpt,
        @Size(max = 200000) @Schema(description = "Markdown (CommonMark with tables). Cite reference N with [^N]; HTML in it is sanitised.")
        String body,
        @Size(max = 320) String seoDescription,
        @Valid ImageView featuredImage,
        @Size(max = 20) @Schema(description = "Author ids, in byline order. Required to publish.")
        List<@NotNull UUID> authors,
        @Size(max = 50) @Schema(description = "Tag names; missing tags are created.", example = "[\"CSTO\", \"Kazakhstan\"]")
        List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 500) List<@NotNull @Valid ReferenceView> references,
        @Schema(description = "Join the translation group of this article (another language version).")
        UUID translationOf,
        @Schema(description = "The original publication time, for imported articles; otherwise set when first published.")
        Instant publishedAt) {

    /** The article as a full input, the base a merge patch applies to. */
    static ArticleInput of(galley.articles.entity.Article a) {
        return new ArticleInput(a.getSlug(), a.getLanguage(), a.getTitle(), a.getExcerpt(), a.getBodyMarkdown(),
                a.getSeoDescription(), ImageView.of(a.getFeaturedImageUrl(), a.getFeaturedImageAlt()),
                a.getAuthors().stream().map(au -> au.getId()).toList(),
                a.getTags().stream().map(t -> t.getName()).sorted().toList(),
                a.getReferences().stream().map(ReferenceView::of).toList(),
                null, a.getPublishedAt());
    }

    ArticleFields toFields() {
        return new ArticleFields(slug, language, title, excerpt, body, seoDescription,
                featuredImage == null ? null : featuredImage.url(),
                featuredImage == null ? null : featuredImage.alt(),
                authors == null ? List.of() : authors,
                tags == null ? List.of() : tags,
                references == null ? List.of() : references.stream().map(ReferenceView::toEntity).toList(),
                translationOf, publishedAt);
    }
}
