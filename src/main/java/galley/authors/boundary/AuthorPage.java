package galley.authors.boundary;

import galley.paging.control.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of authors. */
@Schema(name = "AuthorPage")
public record AuthorPage(
        @Schema(required = true) List<AuthorSummary> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static AuthorPage of(Page<AuthorSummary> page) {
        return new AuthorPage(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
