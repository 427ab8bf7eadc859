package galley.search.boundary;

import galley.articles.entity.Article;
import galley.authors.boundary.AuthorSummary;
import galley.search.control.ArticleSearch;
import galley.tags.boundary.TagView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A search result: the article's summary, its relevance and the fragments that matched. */
@Schema(name = "SearchHit")
public record SearchHitView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(example = "en", required = true) String language,
        @Schema(required = true) String title,
        String excerpt,
        @Schema(required = true) List<AuthorSummary> authors,
        @Schema(required = true) List<TagView> tags,
        @Schema(required = true) Instant publishedAt,
        @Schema(description = "Relevance; higher is better.", required = true) double score,
        @Schema(description = "Fragments of the title and text with the matches in <mark>; HTML-escaped otherwise.", required = true)
        List<String> highlights) {

    static SearchHitView of(ArticleSearch.Hit hit) {
        Article a = hit.article();
        return new SearchHitView(a.getId(), a.getSlug(), a.getLanguage(), a.getTitle(), a.getExcerpt(),
                a.getAuthors().stream().map(au -> AuthorSummary.of(au, a.getLanguage())).toList(),
                TagView.sorted(a.getTags()), a.getPublishedAt(),
                Math.round(hit.score() * 1000) / 1000.0, hit.highlights());
    }
}
