package galley.authors.boundary;

import galley.paging.control.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the editors' author list. */
@Schema(name = "AdminAuthorPage")
public record AdminAuthorPage(
        @Schema(required = true) List<AdminAuthorView> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static AdminAuthorPage of(Page<AdminAuthorView> page) {
        return new AdminAuthorPage(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
