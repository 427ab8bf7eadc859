package galley.i18n.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    private final LanguageChoice choice = new LanguageChoice("en", List.of("en", "tr", "ru", "az"), "az=tr; kk=ru, tr");

    @Test
    void theParameterWinsThenAcceptLanguageThenTheDefault() {
        assertEquals(new LanguageChoice.Chosen("ru", LanguageChoice.Source.PARAMETER), choice.choose("ru", "tr"));
        assertEquals(new LanguageChoice.Chosen("tr", LanguageChoice.Source.ACCEPT_LANGUAGE), choice.choose(null, "tr-TR,tr;q=0.9,en;q=0.5"));
        assertEquals(new LanguageChoice.Chosen("en", LanguageChoice.Source.DEFAULT), choice.choose(null, null));
        assertEquals(new LanguageChoice.Chosen("en", LanguageChoice.Source.DEFAULT), choice.choose(null, "de-DE,fr;q=0.8"));
    }

    @Test
    void acceptLanguageFollowsWeightsAndIgnoresGarbage() {
        assertEquals(Optional.of("ru"), choice.negotiate("de;q=1, ru;q=0.8, tr;q=0.5"));
        assertEquals(Optional.of("tr"), choice.negotiate("tr-TR"));
        assertEquals(Optional.of("en"), choice.negotiate("*"));
        assertEquals(Optional.empty(), choice.negotiate("tr;q=0"));
        assertEquals(Optional.empty(), choice.negotiate(";;;q=oops"));
    }

    @Test
    void fallbackChainsEndInTheDefaultWithoutRepeats() {
        assertEquals(List.of("az", "tr", "en"), choice.chain("az"));
        assertEquals(List.of("kk", "ru", "tr", "en"), choice.chain("kk"));
        assertEquals(List.of("tr-CY", "tr", "en"), choice.chain("tr-CY"));
        assertEquals(List.of("en"), choice.chain("en"));
        assertEquals(List.of("en"), choice.chain(null));
        assertEquals(List.of("az", "tr"), choice.preferences("az"));
        assertEquals(List.of(), choice.preferences(null));
    }

    @Test
    void badConfigurationIsReportedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new LanguageChoice("english", List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> new LanguageChoice("en", List.of(), "az=turkish"));
    }
}
