package galley.revisions.boundary;

import galley.paging.control.Page;
import galley.revisions.control.RevisionEntry;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of an item's revisions, newest first. */
@Schema(name = "RevisionPage")
public record RevisionPage(
        @Schema(required = true) List<RevisionView> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    public static RevisionPage of(Page<RevisionEntry> page) {
        return new RevisionPage(page.items().stream().map(RevisionView::of).toList(), page.page(), page.size(),
                page.total(), page.totalPages());
    }
}
