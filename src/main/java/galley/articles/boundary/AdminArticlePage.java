package galley.articles.boundary;

import galley.paging.control.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the editors' article list. */
@Schema(name = "AdminArticlePage")
public record AdminArticlePage(
        @Schema(required = true) List<AdminArticleSummary> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static AdminArticlePage of(Page<AdminArticleSummary> page) {
        return new AdminArticlePage(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
