package galley.i18n.control;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/** BCP 47 language tags as Galley stores them: well-formed, in canonical case ("en", "pt-BR", "sr-Latn"). */
public final class Languages {

    public static final int MAX_LENGTH = 35;

    private Languages() {
    }

    /** The canonical form of {@code tag}, or empty when it is not a well-formed BCP 47 tag with a language. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) return Optional.empty();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            if (locale.getLanguage().isEmpty()) return Optional.empty();
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String tag) {
        return canonical(tag).isPresent();
    }
}
