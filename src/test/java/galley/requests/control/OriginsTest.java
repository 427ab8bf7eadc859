package galley.requests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void anyOriginIsAnsweredWithAStar() {
        Origins any = Origins.parse("*");
        assertTrue(any.allows("https://front.example.org"));
        assertEquals("*", any.allowOriginFor("https://front.example.org"));
        assertFalse(any.dependsOnOrigin());
        assertFalse(any.allows(null), "no Origin header: not a cross-origin request");
    }

    @Test
    void listedOriginsMatchExactlyIgnoringCaseAndTrailingSlash() {
        Origins listed = Origins.parse(" https://front.example.org, http://localhost:3000/ ,HTTPS://Editor.Example.org");
        assertTrue(listed.allows("https://front.example.org"));
        assertTrue(listed.allows("https://FRONT.example.org"));
        assertTrue(listed.allows("http://localhost:3000"));
        assertTrue(listed.allows("https://editor.example.org"));
        assertFalse(listed.allows("http://front.example.org"), "another scheme is another origin");
        assertFalse(listed.allows("https://front.example.org:8443"), "another port is another origin");
        assertFalse(listed.allows("https://front.example.org.evil.test"));
        assertFalse(listed.allows("https://evil.test/https://front.example.org"));
        assertFalse(listed.allows("null"));
        assertEquals("https://front.example.org", listed.allowOriginFor("https://front.example.org"));
        assertTrue(listed.dependsOnOrigin());
    }

    @Test
    void noneAndInvalidEntries() {
        for (String none : new String[] {null, "", "  ", " , "}) {
            Origins origins = Origins.parse(none);
            assertFalse(origins.allows("https://front.example.org"));
            assertFalse(origins.dependsOnOrigin());
        }
        Origins mixed = Origins.parse("front.example.org, https://ok.example.org/path, https://ok.example.org");
        assertEquals(List.of("front.example.org", "https://ok.example.org/path"), mixed.invalid());
        assertTrue(mixed.allows("https://ok.example.org"));
        assertFalse(mixed.allows("front.example.org"));
    }
}
