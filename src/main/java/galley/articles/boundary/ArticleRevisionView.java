package galley.articles.boundary;

import galley.articles.entity.Article;
import galley.revisions.boundary.RevisionView;
import galley.revisions.control.Snapshot;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as it was at one revision: its status then and its content as an editor would write it. */
@Schema(name = "ArticleRevision")
public record ArticleRevisionView(
        @Schema(required = true) RevisionView revision,
        @Schema(enumeration = {"DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"}, required = true) String status,
        @Schema(description = "When it was scheduled to be published, if it was.") Instant publishAt,
        @Schema(required = true) UUID translationGroup,
        @Schema(description = "The content then, in the shape PUT takes.", required = true) ArticleInput article) {

    static ArticleRevisionView of(Snapshot<Article> snapshot) {
        Article a = snapshot.item();
        return new ArticleRevisionView(RevisionView.of(snapshot.revision()), a.getStatus().name(), a.getPublishAt(),
                a.getTranslationGroup(), ArticleInput.of(a));
    }
}
