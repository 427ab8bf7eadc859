package galley.concurrency.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** ETags, If-Match, JSON Merge Patch, and many editors on one article losing nothing (checked against the revision history). */
public interface ConcurrentEditingTests extends GalleyTests {

    static final int EDITORS = 8;
    static final int ROUNDS = 12;

    @Test
    default void changesNeedTheCurrentVersionInIfMatch() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Versioned"));
        JsonObject created = createArticle(admin, Content.article("en", unique("Versioned Article"), author));
        String path = "api/admin/articles/" + created.getString("id");
        Api.Reply read = admin.get(path).expect(200);
        assertEquals("\"" + read.json().getJsonNumber("version") + "\"", read.header("ETag"));
        String etag = read.header("ETag");

        Api.Reply missing = admin.put(path, Content.article("en", "No If-Match", author).build()).expect(428);
        assertEquals("application/problem+json", missing.contentType());
        admin.delete(path).expect(428);
        admin.put(path, Content.article("en", "Weak", author).build(), "If-Match", "W/" + etag).expect(400);
        admin.put(path, Content.article("en", "Garbled", author).build(), "If-Match", "version 3").expect(400);

        JsonObject changed = admin.put(path, Content.article("en", "First change", author).build(), "If-Match", etag).expect(200).json();
        Api.Reply stale = admin.put(path, Content.article("en", "Lost change", author).build(), "If-Match", etag).expect(412);
        assertEquals(changed.getJsonNumber("version").longValue(), stale.json().getJsonNumber("currentVersion").longValue());
        assertEquals("\"" + changed.getJsonNumber("version") + "\"", stale.header("ETag"));
        assertEquals("First change", admin.get(path).expect(200).json().getString("title"), "a refused change writes nothing");
        admin.delete(path, "If-Match", etag).expect(412);

        admin.put(path, Content.article("en", "Any version", author).build(), "If-Match", "*").expect(200);
        admin.delete(path, "If-Match", admin.get(path).expect(200).header("ETag")).expect(204);
        admin.put(path, Content.article("en", "Gone", author).build(), "If-Match", "*").expect(404);
    }

    @Test
    default void mergePatchChangesOnlyWhatItNames() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Patched"));
        JsonObject created = createArticle(admin, Content.article("en", unique("Patch Me"), author)
                .add("seoDescription", "For search engines"));
        String path = "api/admin/articles/" + created.getString("id");
        String etag = admin.get(path).expect(200).header("ETag");

        Api.Reply patched = admin.send("PATCH", path, "{\"title\": \"Patched title\", \"seoDescription\": null}",
                "application/merge-patch+json", "If-Match", etag).expect(200);
        JsonObject article = patched.json();
        assertEquals("Patched title", article.getString("title"));
        assertFalse(article.containsKey("seoDescription"), "null removes a field");
        assertEquals(created.getString("body"), article.getString("body"), "absent fields stay");
        assertEquals(created.getJsonArray("references"), article.getJsonArray("references"));
        assertEquals(created.getString("slug"), article.getString("slug"));
        assertEquals("\"" + article.getJsonNumber("version") + "\"", patched.header("ETag"));

        String now = patched.header("ETag");
        Api.Reply invalid = admin.send("PATCH", path, "{\"title\": null}", "application/merge-patch+json", "If-Match", now).expect(422);
        assertTrue(invalid.body().contains("\"title\""), invalid.body());
        admin.send("PATCH", path, "{\"titel\": \"typo\"}", "application/merge-patch+json", "If-Match", now).expect(400);
        admin.send("PATCH", path, "[1, 2]", "application/merge-patch+json", "If-Match", now).expect(400);
        admin.send("PATCH", path, "{\"title\": ", "application/merge-patch+json", "If-Match", now).expect(400);
        admin.send("PATCH", path, "{\"title\": \"x\"}", "application/json", "If-Match", now).expect(415);
        admin.send("PATCH", path, "{\"title\": \"x\"}", "application/merge-patch+json", "If-Match", etag).expect(412);
        admin.send("PATCH", path, "{\"title\": \"x\"}", "application/merge-patch+json").expect(428);
        assertEquals("Patched title", admin.get(path).expect(200).json().getString("title"));

        // Authors too; a profile merges by language.
        String authorPath = "api/admin/authors/" + author;
        JsonObject patchedAuthor = admin.send("PATCH", authorPath, "{\"profiles\": {\"en\": {\"bio\": \"A new bio.\"}}}",
                "application/merge-patch+json", "If-Match", admin.get(authorPath).expect(200).header("ETag")).expect(200).json();
        assertEquals("A new bio.", patchedAuthor.getJsonObject("profiles").getJsonObject("en").getString("bio"));
        assertEquals("Analyst", patchedAuthor.getJsonObject("profiles").getJsonObject("en").getString("position"));
        assertEquals("Analist", patchedAuthor.getJsonObject("profiles").getJsonObject("tr").getString("position"));
    }

    @Test
    default void manyEditorsOnOneArticleLoseNoUpdate() throws Exception {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Busy"));
        JsonObject created = createArticle(admin, Content.article("en", unique("Contended"), author));
        String path = "api/admin/articles/" + created.getString("id");
        long initial = admin.get(path).expect(200).json().getJsonNumber("version").longValue();

        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        Map<Long, String> writtenByVersion = new ConcurrentHashMap<>();
        List<String> acceptedExcerpts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService editors = Executors.newFixedThreadPool(EDITORS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                int editor = e;
                running.add(editors.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        Api.Reply read = admin.get(path).expect(200);
                        String excerpt = "editor " + editor + " round " + round;
                        Api.Reply write = admin.put(path, Content.article("en", read.json().getString("title"), author)
                                .add("excerpt", excerpt).build(), "If-Match", read.header("ETag"));
                        if (write.status() == 200) {
                            long version = write.json().getJsonNumber("version").longValue();
                            String previous = writtenByVersion.putIfAbsent(version, excerpt);
                            if (previous != null) others.incrementAndGet();
                            acceptedExcerpts.add(excerpt);
                        } else if (write.status() == 412) {
                            conflicts.incrementAndGet();
                        } else {
                            others.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            editors.shutdown();
        }
        int writes = acceptedExcerpts.size();
        long last = admin.get(path).expect(200).json().getJsonNumber("version").longValue();
        System.out.printf("concurrent editors: %d editors, %d attempts, %d writes, %d conflicts (412), lost updates %d%n",
                EDITORS, EDITORS * ROUNDS, writes, conflicts.get(), writes - (last - initial));
        assertEquals(0, others.get(), "every attempt was a success or a 412");
        assertEquals(EDITORS * ROUNDS, writes + conflicts.get());
        assertTrue(writes >= ROUNDS, "progress was made: " + writes);
        // Each success made exactly one new version: none was overwritten unseen.
        assertEquals(writes, last - initial);
        assertEquals(new TreeSet<>(writtenByVersion.keySet()).first(), initial + 1);
        assertEquals(writtenByVersion.get(last), admin.get(path).expect(200).json().getString("excerpt"),
                "the last accepted write is what the article holds");

        // Every accepted write is a revision of its own, holding what that editor wrote.
        JsonObject history = admin.get(path + "/revisions?size=100").expect(200).json();
        Map<Long, Long> revisionByVersion = new java.util.HashMap<>();
        for (JsonObject r : history.getJsonArray("items").getValuesAs(JsonObject.class)) {
            revisionByVersion.put(r.getJsonNumber("version").longValue(), r.getJsonNumber("number").longValue());
        }
        assertEquals(writes + 1, history.getInt("total"), "the creation and one revision per accepted write");
        for (var written : writtenByVersion.entrySet()) {
            Long number = revisionByVersion.get(written.getKey());
            assertTrue(number != null, "version " + written.getKey() + " has a revision");
            assertEquals(written.getValue(), admin.get(path + "/revisions/" + number).expect(200).json()
                    .getJsonObject("article").getString("excerpt"));
        }
        System.out.printf("revision history: %d revisions, every accepted write found in it%n", history.getInt("total"));
    }

    @Test
    default void theDocumentDescribesPreconditions() {
        JsonObject doc = api().get("openapi?format=JSON", "Accept", "application/json").expect(200).json();
        JsonObject put = doc.getJsonObject("paths").getJsonObject("/api/admin/articles/{id}").getJsonObject("put");
        assertTrue(put.getJsonObject("responses").containsKey("412"));
        assertTrue(put.getJsonObject("responses").containsKey("428"));
        assertTrue(put.getJsonArray("parameters").stream().anyMatch(p -> p.asJsonObject().getString("name").equals("If-Match")
                && p.asJsonObject().getBoolean("required")));
        JsonObject patch = doc.getJsonObject("paths").getJsonObject("/api/admin/articles/{id}").getJsonObject("patch");
        assertTrue(patch.getJsonObject("requestBody").getJsonObject("content").containsKey("application/merge-patch+json"));
        assertTrue(doc.getJsonObject("paths").getJsonObject("/api/admin/articles/{id}").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("headers").containsKey("ETag"));
    }
}
