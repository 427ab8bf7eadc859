package galley.revisions.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed from one revision of an item to another. */
@Schema(name = "RevisionDiff")
public record RevisionDiffView(
        @Schema(required = true) RevisionView from,
        @Schema(required = true) RevisionView to,
        @Schema(description = "The fields whose values differ, in the input's field order; empty when the two are the same.", required = true)
        List<FieldChangeView> changes) {
}
