package galley.similar.boundary;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One article's list, recomputed. */
@Schema(name = "Recomputed")
public record RecomputedView(@Schema(required = true) UUID articleId,
                             @Schema(description = "Entries in the computed list.", required = true) int entries,
                             @Schema(description = "How long the recomputation took on the server, its commit included, in milliseconds.",
                                     example = "12.5", required = true) double tookMs) {

    static RecomputedView of(UUID articleId, galley.similar.control.RecomputeJobs.Recomputed done) {
        return new RecomputedView(articleId, done.entries(), Math.round(done.took().toNanos() / 1e4) / 100.0);
    }
}
