package galley.similar.boundary;

import galley.similar.control.SimilarPosts;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's similar posts as served (up to 20), with the pins and exclusions behind them. */
@Schema(name = "SimilarEditorial")
public record SimilarEditorialView(
        @Schema(required = true) List<SimilarPostView> items,
        @Schema(required = true) List<PinView> pinned,
        @Schema(required = true) List<UUID> excluded) {

    static SimilarEditorialView of(SimilarPosts.Editorial editorial) {
        return new SimilarEditorialView(editorial.served().stream().map(SimilarPostView::of).toList(),
                editorial.pinned().stream().map(PinView::of).toList(), editorial.excluded());
    }
}
