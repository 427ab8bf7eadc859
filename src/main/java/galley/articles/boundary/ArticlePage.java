package galley.articles.boundary;

import galley.paging.control.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of articles. */
@Schema(name = "ArticlePage")
public record ArticlePage(
        @Schema(required = true) List<ArticleSummary> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static ArticlePage of(Page<ArticleSummary> page) {
        return new ArticlePage(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
