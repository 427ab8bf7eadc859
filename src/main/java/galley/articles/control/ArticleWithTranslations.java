package galley.articles.control;

import galley.articles.entity.Article;
import java.util.List;

/** An article, fully loaded, with its other language versions. */
public record ArticleWithTranslations(Article article, List<Translation> translations) {
}
