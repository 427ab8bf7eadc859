package galley.articles.boundary;

import galley.articles.control.ArticleQuery;
import galley.articles.entity.ArticleStatus;
import galley.i18n.boundary.LanguageParam;
import galley.paging.boundary.Params;
import galley.text.control.Slugs;
import galley.errors.control.InvalidRequest;

/** The query parameters article lists share, turned into an {@link ArticleQuery}. */
final class ListParams {

    private ListParams() {
    }

    static ArticleQuery query(ArticleStatus status, String lang, String tag, String author, String from, String to,
                              String sort, String page, String size) {
        return new ArticleQuery(status, LanguageParam.parse(lang), slug("tag", tag), slug("author", author),
                Params.instant("from", from, false), Params.instant("to", to, true),
                Params.choice("sort", sort, ArticleQuery.Sort.class, ArticleQuery.Sort.NEWEST),
                Params.page(page, size));
    }

    private static String slug(String name, String value) {
        if (value == null || value.isBlank()) return null;
        if (!Slugs.isValid(value)) throw new InvalidRequest(name, name + " must be a slug");
        return value;
    }
}
