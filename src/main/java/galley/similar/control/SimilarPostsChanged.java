package galley.similar.control;

import java.util.List;
import java.util.UUID;

/**
 * Fired inside the transaction that stores similar-post lists (a recomputation, or an editor's pins and
 * exclusions), so caches of what readers see can drop them once it commits.
 */
public record SimilarPostsChanged(List<UUID> articleIds) {
}
