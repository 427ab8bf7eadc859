package galley.i18n.control;

import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The site's language settings, read once from MicroProfile Config: {@code galley.default-language}
 * (en), {@code galley.languages} (en,tr,ru: what Accept-Language is matched against),
 * {@code galley.language-fallbacks} (e.g. "az=tr;kk=ru") and
 * {@code galley.lists.fall-back-to-default-language} (false). Static, because response records
 * resolve authors' localised fields with it.
 */
public final class SiteLanguages {

    private static volatile LanguageChoice choice;
    private static volatile Boolean listsFallBack;

    private SiteLanguages() {
    }

    public static LanguageChoice choice() {
        LanguageChoice c = choice;
        if (c == null) {
            Config config = ConfigProvider.getConfig();
            choice = c = new LanguageChoice(
                    config.getOptionalValue("galley.default-language", String.class).orElse("en"),
                    List.of(config.getOptionalValue("galley.languages", String.class).orElse("en,tr,ru").split(",")),
                    config.getOptionalValue("galley.language-fallbacks", String.class).orElse(""));
        }
        return c;
    }

    /** Whether a list in one language also shows default-language articles that have no version in it. */
    public static boolean listsFallBackToDefault() {
        Boolean b = listsFallBack;
        if (b == null) {
            listsFallBack = b = ConfigProvider.getConfig()
                    .getOptionalValue("galley.lists.fall-back-to-default-language", Boolean.class).orElse(false);
        }
        return b;
    }
}
