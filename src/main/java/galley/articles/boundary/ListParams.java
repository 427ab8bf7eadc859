package galley.articles.boundary;

import galley.articles.control.ArticleQuery;
import galley.i18n.control.LanguageChoice;
import galley.i18n.control.SiteLanguages;
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
                Params.page(page, size), null, null);
    }

    /** Fallback of a public list in one language: to the default language, or none. */
    enum Fallback { DEFAULT, NONE }

    /**
     * A public list: in the {@code lang} language, else in the language Accept-Language asks for (when the
     * site has it), else in every language; optionally with the default-language articles that have no
     * version in the list's language ({@code fallback=default}, or the site's setting).
     */
    static ArticleQuery publicQuery(String lang, String acceptLanguage, String fallback, String tag, String author,
                                    String from, String to, String sort, String page, String size) {
        LanguageChoice choice = SiteLanguages.choice();
        String language = LanguageParam.parse(lang);
        if (language == null) language = choice.negotiate(acceptLanguage).orElse(null);
        Fallback fallbackTo = Params.choice("fallback", fallback, Fallback.class,
                SiteLanguages.listsFallBackToDefault() ? Fallback.DEFAULT : Fallback.NONE);
        return new ArticleQuery(null, language, slug("tag", tag), slug("author", author),
                Params.instant("from", from, false), Params.instant("to", to, true),
                Params.choice("sort", sort, ArticleQuery.Sort.class, ArticleQuery.Sort.NEWEST),
                Params.page(page, size), fallbackTo == Fallback.DEFAULT && language != null ? choice.defaultLanguage() : null, null);
    }

    private static String slug(String name, String value) {
        if (value == null || value.isBlank()) return null;
        if (!Slugs.isValid(value)) throw new InvalidRequest(name, name + " must be a slug");
        return value;
    }
}
