package galley.similar.boundary;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article's list, recomputed. */
@Schema(name = "Recomputed")
public record RecomputedView(@Schema(required = true) UUID articleId,
                             @Schema(description = "Entries in the computed list.", required = true) int entries) {
}
