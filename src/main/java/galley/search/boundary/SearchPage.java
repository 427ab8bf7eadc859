package galley.search.boundary;

import galley.paging.control.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of search results, most relevant first. */
@Schema(name = "SearchPage")
public record SearchPage(
        @Schema(required = true) List<SearchHitView> items,
        @Schema(example = "1", required = true) int page,
        @Schema(example = "20", required = true) int size,
        @Schema(example = "42", required = true) long total,
        @Schema(example = "3", required = true) int totalPages) {

    static SearchPage of(Page<SearchHitView> page) {
        return new SearchPage(page.items(), page.page(), page.size(), page.total(), page.totalPages());
    }
}
