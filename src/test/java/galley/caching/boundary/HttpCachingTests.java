package galley.caching.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.ifMatch;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Public reads carry strong ETags and Cache-Control; a client holding the current one gets 304. */
public interface HttpCachingTests extends GalleyTests {

    @Test
    default void publicReadsAreCacheableAndRevalidateWith304UntilTheyChange() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Cached Author"));
        JsonObject article = publish(admin, createArticle(admin, Content.article("en", unique("Cached Article"), author)).getString("id"));
        String path = "api/articles/" + article.getString("slug");

        Api.Reply first = api().get(path).expect(200);
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.matches("\"[A-Za-z0-9_-]{20,}\""), "a strong ETag: " + etag);
        assertTrue(first.header("Cache-Control").matches("public, max-age=\\d+, stale-while-revalidate=\\d+"), first.header("Cache-Control"));
        assertTrue(String.join(",", first.headerValues("Vary")).contains("Accept-Language"));
        assertEquals(etag, api().get(path).expect(200).header("ETag"), "the same content, the same tag");

        Api.Reply notModified = api().get(path, "If-None-Match", etag);
        assertEquals(304, notModified.status());
        assertEquals("", notModified.body());
        assertEquals(etag, notModified.header("ETag"));
        assertEquals(304, api().get(path, "If-None-Match", "\"other\", W/" + etag).status(), "weak comparison, lists");
        assertEquals(200, api().get(path, "If-None-Match", "\"other\"").status());

        // Another language version of the page is another answer.
        String list = "api/articles?size=3&lang=en";
        String listTag = api().get(list).expect(200).header("ETag");
        assertEquals(304, api().get(list, "If-None-Match", listTag).status());

        // A change gives a new tag: the old one no longer matches.
        admin.put("api/admin/articles/" + article.getString("id"),
                Content.article("en", article.getString("title"), author).add("excerpt", "Changed excerpt").build(),
                ifMatch(admin, "articles", article.getString("id"))).expect(200);
        Api.Reply changed = api().get(path, "If-None-Match", etag);
        assertEquals(200, changed.status());
        assertNotEquals(etag, changed.header("ETag"));

        // The admin API is never publicly cacheable.
        Api.Reply adminRead = admin.get("api/admin/articles/" + article.getString("id")).expect(200);
        assertTrue(adminRead.header("Cache-Control") == null || !adminRead.header("Cache-Control").contains("public"));
        String missing = api().get("api/articles/" + unique("missing")).expect(404).header("Cache-Control");
        assertTrue(missing == null || !missing.contains("public"), "errors are not cached as public: " + missing);
    }
}
