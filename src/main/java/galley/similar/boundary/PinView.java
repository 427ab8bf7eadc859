package galley.similar.boundary;

import galley.similar.control.SimilarPosts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article an editor pinned into a similar-posts list, at a position (1 is first). */
@Schema(name = "SimilarPin")
public record PinView(
        @NotNull @Schema(required = true) UUID articleId,
        @NotNull @Min(1) @Max(20) @Schema(example = "1", required = true) Integer position) {

    static PinView of(SimilarPosts.Pin pin) {
        return new PinView(pin.articleId(), pin.position());
    }
}
