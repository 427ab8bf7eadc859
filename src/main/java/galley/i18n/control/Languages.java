package galley.i18n.control;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** BCP 47 language tags as Galley stores them: well-formed, in canonical case ("en", "pt-BR", "sr-Latn"). */
public final class Languages {

    public static final int MAX_LENGTH = 35;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    /** The canonical form of {@code tag}, or empty when it is not a well-formed BCP 47 tag with a language. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) return Optional.empty();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            String language = locale.getLanguage();
            // BCP 47 allows 5-8 letter language subtags, but none is in use: "english" is a typo, not a language.
            if (language.length() < 2 || language.length() > 3) return Optional.empty();
            if (language.length() == 2 && !ISO_639_1.contains(language)) return Optional.empty();
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String tag) {
        return canonical(tag).isPresent();
    }
}
