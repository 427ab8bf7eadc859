package galley.similar.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's pins and exclusions, replacing the current ones. Reorder by changing positions, unpin by leaving out. */
@Schema(name = "SimilarEditInput")
public record SimilarEditInput(
        @Size(max = 20) @Schema(description = "Articles placed at fixed positions.") List<@NotNull @Valid PinView> pinned,
        @Size(max = 500) @Schema(description = "Articles never to show in this list.") List<@NotNull UUID> excluded) {
}
