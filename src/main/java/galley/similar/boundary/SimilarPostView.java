package galley.similar.boundary;

import galley.articles.entity.Article;
import galley.authors.boundary.AuthorSummary;
import galley.similar.control.SimilarEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A similar post: a summary of the article, how similar it is and why. */
@Schema(name = "SimilarPost")
public record SimilarPostView(
        @Schema(required = true) UUID id,
        @Schema(example = "caspian-ports-ferry-capacity", required = true) String slug,
        @Schema(example = "en", required = true) String language,
        @Schema(required = true) String title,
        String excerpt,
        @Schema(required = true) List<AuthorSummary> authors,
        @Schema(required = true) Instant publishedAt,
        @Schema(description = "The engine's score (higher is more similar); absent for pinned entries.", example = "0.42")
        Double score,
        @Schema(description = "Key terms the two articles share.", example = "[\"ferry\", \"caspian\", \"middle corridor\"]", required = true)
        List<String> why,
        @Schema(description = "Placed by an editor rather than computed.", required = true) boolean pinned) {

    public static SimilarPostView of(SimilarEntry entry) {
        Article a = entry.article();
        return new SimilarPostView(a.getId(), a.getSlug(), a.getLanguage(), a.getTitle(), a.getExcerpt(),
                a.getAuthors().stream().map(au -> AuthorSummary.of(au, a.getLanguage())).toList(),
                a.getPublishedAt(), entry.score() == null ? null : Math.round(entry.score() * 1000) / 1000.0,
                entry.why(), entry.pinned());
    }
}
