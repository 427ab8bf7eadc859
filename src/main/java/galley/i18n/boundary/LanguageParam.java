package galley.i18n.boundary;

import galley.errors.control.InvalidRequest;
import galley.i18n.control.Languages;

/** The {@code lang} query parameter: absent, or a BCP 47 tag in canonical form. */
public final class LanguageParam {

    private LanguageParam() {
    }

    public static String parse(String lang) {
        if (lang == null || lang.isBlank()) return null;
        return Languages.canonical(lang)
                .orElseThrow(() -> new InvalidRequest("lang", "lang must be a BCP 47 language tag such as en, tr or ru"));
    }
}
