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
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;
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

    @Test
    default void repeatedPublicReadsAreAnsweredFromTheResponseCacheWithoutSql() throws InterruptedException {
        Api admin = api().admin();
        String authorName = unique("Kept Author");
        UUID author = createAuthor(admin, authorName);
        String tag = unique("kept-tag");
        JsonObject article = publish(admin, createArticle(admin, Content.article("en", unique("Kept Article"), author)
                .add("tags", jakarta.json.Json.createArrayBuilder().add(tag))).getString("id"));
        String authorSlug = admin.get("api/admin/authors/" + author).expect(200).json().getString("slug");
        for (String path : List.of("api/articles/" + article.getString("slug"), "api/articles?tag=" + tag + "&size=5",
                "api/authors/" + authorSlug, "api/authors/" + authorSlug + "/articles?size=5", "api/tags?lang=en")) {
            Api.Reply first = api().get(path).expect(200);
            Api.Reply kept = settledRead(path);
            assertEquals("0", kept.header("X-SQL-Statements"), path + ": a repeated read runs no SQL");
            assertEquals(first.body(), kept.body(), path);
            assertTrue(kept.header("ETag") != null && kept.header("Cache-Control").startsWith("public"), path);
            assertTrue(String.join(",", kept.headerValues("Vary")).contains("Accept-Language"), path);
            assertEquals(304, api().get(path, "If-None-Match", kept.header("ETag")).status(), path);
            // Accept headers that can only mean this JSON share one kept answer (clients differ in their defaults):
            // the second of a pair, a header value not sent before (its letters cased by the attempt's number), finds
            // what the first left. Background recomputations may drop kept answers between the two: then the next pair.
            boolean shared = false;
            for (int attempt = 1; attempt <= 30 && !shared; attempt++) {
                assertEquals(first.body(), api().get(path, "Accept", cased("application/*", attempt)).expect(200).body(), path);
                Api.Reply second = api().get(path, "Accept", cased("application/json", attempt)).expect(200);
                assertEquals(first.body(), second.body(), path);
                shared = "0".equals(second.header("X-SQL-Statements"));
                if (!shared) Thread.sleep(200);
            }
            assertTrue(shared, path + ": JSON-only Accept values share the kept answer");
            // Kept answers are served before JAX-RS; a browser's request (Origin) goes through it: same headers.
            assertEquals(sameFor(first), sameFor(kept), path + ": a kept answer carries the headers of the first");
            Api.Reply cors = api().get(path, "Origin", "https://front.example");
            assertEquals(first.body(), cors.expect(200).body(), path);
            assertEquals("*", cors.header("Access-Control-Allow-Origin"), path);
            Map<String, List<String>> withoutCors = new TreeMap<>(sameFor(cors));
            withoutCors.keySet().removeIf(name -> name.startsWith("access-control-"));
            assertEquals(sameFor(kept), withoutCors, path + ": the kept answer as JAX-RS serves it");
        }
        // Another language asked for is another answer, rendered for it.
        String authorPath = "api/authors/" + authorSlug;
        Api.Reply turkish = api().get(authorPath, "Accept-Language", "tr");
        assertEquals("tr", turkish.expect(200).header("Content-Language"));
        assertTrue(turkish.body().contains("Analist"), turkish.body());
        // The list's Link headers come back with the kept answer.
        assertTrue(settledRead("api/articles?tag=" + tag + "&size=5").headerValues("Link").size() >= 2);
        String id = article.getString("id");
        admin.delete("api/admin/articles/" + id, ifMatch(admin, "articles", id)).expect(204);
    }

    @Test
    default void aCommittedChangeIsVisibleAtTheNextReadNeverAStaleCopy() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Fresh Author"));
        String tag = unique("fresh-tag");
        String id = createArticle(admin, Content.article("en", unique("Fresh Article"), author)
                .add("tags", jakarta.json.Json.createArrayBuilder().add(tag))).getString("id");
        JsonObject article = publish(admin, id);
        String path = "api/articles/" + article.getString("slug");
        String list = "api/articles?tag=" + tag + "&size=5";
        settledRead(path);
        settledRead(list);

        // An edit: the very next read shows it, rendered again.
        admin.put("api/admin/articles/" + id, Content.article("en", article.getString("title"), author)
                .add("excerpt", "Edited while kept").add("tags", jakarta.json.Json.createArrayBuilder().add(tag)).build(),
                ifMatch(admin, "articles", id)).expect(200);
        Api.Reply edited = api().get(path).expect(200);
        assertEquals("Edited while kept", edited.json().getString("excerpt"));
        assertNotEquals("0", edited.header("X-SQL-Statements"), "rendered again after the change");
        assertEquals("Edited while kept", api().get(list).expect(200).json().getJsonArray("items").getJsonObject(0).getString("excerpt"));

        // Unpublished: gone at once from the article and the list.
        settledRead(path);
        admin.post("api/admin/articles/" + id + "/unpublish", null).expect(200);
        api().get(path).expect(404);
        assertEquals(0, api().get(list).expect(200).json().getJsonArray("items").size());

        // Published again: back at once.
        publish(admin, id);
        assertEquals("Edited while kept", api().get(path).expect(200).json().getString("excerpt"));
        assertEquals(1, api().get(list).expect(200).json().getJsonArray("items").size());

        // An author's change shows on the article that names them.
        settledRead(path);
        String renamed = unique("Renamed Author");
        admin.put("api/admin/authors/" + author, Content.author(renamed).build(), ifMatch(admin, "authors", author)).expect(200);
        assertEquals(renamed, api().get(path).expect(200).json().getJsonArray("authors").getJsonObject(0).getString("name"));

        // Deleted: gone at once.
        settledRead(path);
        admin.delete("api/admin/articles/" + id, ifMatch(admin, "articles", id)).expect(204);
        api().get(path).expect(404);
        assertEquals(0, api().get(list).expect(200).json().getJsonArray("items").size());
    }

    @Test
    default void errorsAndAdminReadsAreNeverKept() {
        Api admin = api().admin();
        String missing = "api/articles/" + unique("never-there");
        for (int i = 0; i < 3; i++) {
            Api.Reply reply = api().get(missing).expect(404);
            assertNotEquals("0", reply.header("X-SQL-Statements"), "a 404 is looked up every time");
        }
        // Admin reads are never kept (they may still cost no SQL: the second-level cache holds the entities).
        UUID author = createAuthor(admin, unique("Admin Read Author"));
        for (int i = 0; i < 3; i++) {
            String name = unique("Admin Read Author");
            admin.put("api/admin/authors/" + author, Content.author(name).build(), ifMatch(admin, "authors", author)).expect(200);
            Api.Reply reply = admin.get("api/admin/authors/" + author).expect(200);
            assertEquals(name, reply.json().getString("name"), "the admin read shows the change at once");
            assertTrue(reply.header("Cache-Control") == null || !reply.header("Cache-Control").contains("public"));
        }
    }

    /**
     * A read once no background work (similar posts recomputed after other tests' changes) has dropped the
     * kept answers since the last read: two reads in a row with the same ETag, the second one returned.
     */
    /** The headers every answer to the same request shares: not the request id, date, length or statement count. */
    /** {@code value} with its letters upper-cased where {@code pattern}'s bits are set: a variant per pattern. */
    private static String cased(String value, int pattern) {
        StringBuilder out = new StringBuilder();
        int bit = 0;
        for (char c : value.toCharArray()) {
            out.append(Character.isLetter(c) && (pattern >> bit++ & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static Map<String, List<String>> sameFor(Api.Reply reply) {
        Map<String, List<String>> same = new TreeMap<>();
        reply.headers().forEach((name, values) -> {
            String key = name.toLowerCase(java.util.Locale.ROOT);
            if (Set.of(":status", "x-request-id", "date", "content-length", "transfer-encoding", "x-sql-statements").contains(key)) return;
            // Order of Vary values and of separate lines is not significant.
            List<String> split = values.stream().flatMap(v -> key.equals("vary") ? java.util.Arrays.stream(v.split(",")) : java.util.stream.Stream.of(v))
                    .map(String::strip).sorted().toList();
            same.merge(key, split, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).sorted().toList());
        });
        return same;
    }

    private Api.Reply settledRead(String path) {
        Api.Reply last = api().get(path).expect(200);
        for (int attempt = 0; attempt < 40; attempt++) {
            Api.Reply next = api().get(path).expect(200);
            if ("0".equals(next.header("X-SQL-Statements"))) return next;
            last = next;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }
}
