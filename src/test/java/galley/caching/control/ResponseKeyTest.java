package galley.caching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseKeyTest {

    @Test
    void onlyContentReadsAreKept() {
        assertTrue(ResponseKey.cacheable("articles"));
        assertTrue(ResponseKey.cacheable("/articles/some-slug"));
        assertTrue(ResponseKey.cacheable("articles/some-slug/similar"));
        assertTrue(ResponseKey.cacheable("authors/selin-arslan/articles"));
        assertTrue(ResponseKey.cacheable("tags"));
        assertTrue(ResponseKey.cacheable("search"), "kept for a short time: it follows its index, not the commit");
        assertTrue(ResponseKey.followsIndex("/search"));
        assertFalse(ResponseKey.followsIndex("articles/search"));
        assertFalse(ResponseKey.followsIndex("searches"));
        assertFalse(ResponseKey.cacheable("admin/articles"));
        assertFalse(ResponseKey.cacheable("auth/token"));
        assertFalse(ResponseKey.cacheable("preview/token"));
        assertFalse(ResponseKey.cacheable("articlesx"));
        assertFalse(ResponseKey.cacheable("docs"));
    }

    @Test
    void theKeyHoldsEverythingAnAnswerDependsOn() {
        String uri = "http://localhost:8080/api/articles?page=2&size=20";
        String plain = ResponseKey.of(uri, null, null);
        assertEquals(plain, ResponseKey.of(uri, null, null));
        assertEquals(plain, ResponseKey.of(uri, "", " "), "absent and blank headers are the same");
        assertNotEquals(plain, ResponseKey.of(uri, "tr", null), "another language");
        assertNotEquals(plain, ResponseKey.of(uri, null, "text/html"), "another media type");
        for (String json : new String[] {"*/*", "application/json", " Application/JSON ", "application/*"}) {
            assertEquals(plain, ResponseKey.of(uri, null, json), "the JSON every public read gives: " + json);
        }
        assertNotEquals(plain, ResponseKey.of(uri, null, "text/html,application/xhtml+xml,*/*;q=0.8"), "a browser's list stays its own");
        assertNotEquals(plain, ResponseKey.of("http://galley.example/api/articles?page=2&size=20", null, null),
                "another host: Link headers are absolute");
        assertNotEquals(plain, ResponseKey.of("http://localhost:8080/api/articles?page=3&size=20", null, null));
        assertNotEquals(ResponseKey.of(uri, "tr\nx", null), ResponseKey.of(uri, "tr", "x"), "fields cannot run into each other");
    }
}
