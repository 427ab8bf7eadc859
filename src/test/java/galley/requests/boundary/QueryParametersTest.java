package galley.requests.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void controlCharactersAreFoundAndEverythingElsePasses() {
        for (String bad : new String[] {"a\u0000b", "tab\there", "line\n", "del\u007f", "c1\u0085"}) {
            assertTrue(QueryParameters.hasControlCharacter(bad), bad);
        }
        for (String good : new String[] {"", "caspian-ports", "Учения ОДКБ", "İstanbul'da ılık", "ferry capacity", "😀"}) {
            assertFalse(QueryParameters.hasControlCharacter(good), good);
        }
    }
}
