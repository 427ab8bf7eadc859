package galley.caching.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicCachingTest {

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String tag = "\"abc\"";
        assertTrue(PublicCaching.matches("\"abc\"", tag));
        assertTrue(PublicCaching.matches("W/\"abc\"", tag));
        assertTrue(PublicCaching.matches("\"x\", \"abc\"", tag));
        assertTrue(PublicCaching.matches("*", tag));
        assertFalse(PublicCaching.matches("\"abcd\"", tag));
        assertFalse(PublicCaching.matches("abc", tag));
        assertFalse(PublicCaching.matches(null, tag));
    }

    @Test
    void onlyThePublicReadApiIsCached() {
        assertTrue(PublicCaching.isPublic("articles/x"));
        assertTrue(PublicCaching.isPublic("/search"));
        assertFalse(PublicCaching.isPublic("admin/articles"));
        assertFalse(PublicCaching.isPublic("/auth/token"));
        assertFalse(PublicCaching.isPublic("preview/abc"));
        // Whole segments: authors' pages are public although "authors" begins with "auth".
        assertTrue(PublicCaching.isPublic("authors/selin-arslan"));
        assertTrue(PublicCaching.isPublic("/authors"));
        assertFalse(PublicCaching.isPublic("auth"));
    }

    @Test
    void theTagIsADigestOfTheBytes() {
        String a = PublicCaching.digest("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(a, PublicCaching.digest("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, PublicCaching.digest("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(24, a.length());
    }
}
