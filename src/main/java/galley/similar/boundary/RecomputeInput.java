package galley.similar.boundary;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to recompute: one article (at once) or, without an id, every article (in the background). */
@Schema(name = "RecomputeInput")
public record RecomputeInput(@Schema(description = "Recompute only this article's list.") UUID articleId) {
}
