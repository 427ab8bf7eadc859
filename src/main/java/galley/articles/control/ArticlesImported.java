package galley.articles.control;

import java.util.List;
import java.util.UUID;

/** Fired inside the transaction of a bulk import: many articles at once, handled as one change. */
public record ArticlesImported(List<UUID> articleIds) {
}
