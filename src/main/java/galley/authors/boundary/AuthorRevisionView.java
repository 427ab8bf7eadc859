package galley.authors.boundary;

import galley.authors.entity.Author;
import galley.revisions.boundary.RevisionView;
import galley.revisions.control.Snapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as they were at one revision, in the shape PUT takes. */
@Schema(name = "AuthorRevision")
public record AuthorRevisionView(
        @Schema(required = true) RevisionView revision,
        @Schema(required = true) AuthorInput author) {

    static AuthorRevisionView of(Snapshot<Author> snapshot) {
        return new AuthorRevisionView(RevisionView.of(snapshot.revision()), AuthorInput.of(snapshot.item()));
    }
}
