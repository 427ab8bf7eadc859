package galley.similar.control;

import galley.articles.entity.Article;
import java.util.List;

/** One similar post as served: the article (loaded for a summary), its score, why, and whether pinned. */
public record SimilarEntry(Article article, Double score, List<String> why, boolean pinned) {
}
