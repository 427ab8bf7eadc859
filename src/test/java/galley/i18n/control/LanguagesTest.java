package galley.i18n.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void canonicalCase() {
        assertEquals(Optional.of("en"), Languages.canonical("EN"));
        assertEquals(Optional.of("pt-BR"), Languages.canonical("pt-br"));
        assertEquals(Optional.of("sr-Latn"), Languages.canonical("SR-latn"));
        assertEquals(Optional.of("tr"), Languages.canonical(" tr "));
        assertEquals(Optional.of("fil"), Languages.canonical("fil"));
    }

    @Test
    void rejectsWhatIsNotBcp47() {
        assertFalse(Languages.isValid("english!"));
        assertFalse(Languages.isValid("english"));
        assertFalse(Languages.isValid("zz"));
        assertFalse(Languages.isValid("en_US"));
        assertFalse(Languages.isValid(""));
        assertFalse(Languages.isValid(null));
        assertFalse(Languages.isValid("x".repeat(40)));
        assertFalse(Languages.isValid("' or 1=1 --"));
    }
}
