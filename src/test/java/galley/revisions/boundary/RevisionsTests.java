package galley.revisions.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.ifMatch;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Revisions (Hibernate Envers): who changed what when, comparisons, restores, and history after deletion. */
public interface RevisionsTests extends GalleyTests {

    @Test
    default void everyChangeToAnArticleIsARevisionThatCanBeComparedAndRestored() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Historian"));
        String original = unique("First Title");
        String id = createArticle(admin, Content.article("en", original, author)).getString("id");
        String path = "api/admin/articles/" + id;
        admin.put(path, Content.article("en", "Second Title", author).add("excerpt", "A new standfirst").build(),
                ifMatch(admin, "articles", id)).expect(200);
        publish(admin, id);

        JsonObject page = admin.get(path + "/revisions").expect(200).json();
        JsonArray items = page.getJsonArray("items");
        assertEquals(3, page.getInt("total"));
        List<String> kinds = items.getValuesAs(JsonObject.class).stream().map(r -> r.getString("kind")).toList();
        assertEquals(List.of("changed", "changed", "created"), kinds, "newest first");
        long newest = number(items, 0), first = number(items, 2);
        assertTrue(newest > number(items, 1) && number(items, 1) > first);
        for (JsonObject r : items.getValuesAs(JsonObject.class)) {
            assertEquals(TestConfig.ADMIN_USER, r.getString("by"));
            assertTrue(Instant.parse(r.getString("at")).isAfter(Instant.now().minusSeconds(600)));
        }
        assertEquals(admin.get(path).expect(200).json().getJsonNumber("version").longValue(),
                items.getJsonObject(0).getJsonNumber("version").longValue(), "the newest revision holds the current version");

        JsonObject atFirst = admin.get(path + "/revisions/" + first).expect(200).json();
        assertEquals(original, atFirst.getJsonObject("article").getString("title"));
        assertEquals("DRAFT", atFirst.getString("status"));
        assertEquals(List.of(author.toString()), atFirst.getJsonObject("article").getJsonArray("authors").getValuesAs(JsonValue::toString)
                .stream().map(s -> s.replace("\"", "")).toList());
        assertEquals("A source", atFirst.getJsonObject("article").getJsonArray("references").getJsonObject(0).getString("title"));

        JsonObject diff = admin.get(path + "/revisions/compare?from=" + first).expect(200).json();
        assertEquals(first, diff.getJsonObject("from").getJsonNumber("number").longValue());
        assertEquals(newest, diff.getJsonObject("to").getJsonNumber("number").longValue());
        JsonObject title = change(diff, "title");
        assertEquals(original, title.getString("before"));
        assertEquals("Second Title", title.getString("after"));
        assertEquals("PUBLISHED", change(diff, "status").getString("after"));
        assertTrue(diff.getJsonArray("changes").getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getString("field").equals("references") || c.getString("field").equals("authors")),
                "unchanged fields are not listed: " + diff);
        assertEquals(0, admin.get(path + "/revisions/compare?from=" + newest + "&to=" + newest).expect(200).json()
                .getJsonArray("changes").size());

        // Restore: the old content as a new change, status kept, the same preconditions as a PUT.
        admin.post(path + "/revisions/" + first + "/restore", null).expect(428);
        String[] stale = {"If-Match", "\"1\""};
        admin.post(path + "/revisions/" + first + "/restore", null, stale).expect(412);
        Api.Reply restored = admin.post(path + "/revisions/" + first + "/restore", null, ifMatch(admin, "articles", id)).expect(200);
        assertEquals(original, restored.json().getString("title"));
        assertEquals("About " + original, restored.json().getString("excerpt"));
        assertEquals("PUBLISHED", restored.json().getString("status"), "a restore changes content, not status");
        assertEquals("\"" + restored.json().getJsonNumber("version") + "\"", restored.header("ETag"));
        assertEquals(original, api().get("api/articles/" + restored.json().getString("slug") + "?lang=en").expect(200).json().getString("title"));
        JsonObject afterRestore = admin.get(path + "/revisions?size=1").expect(200).json();
        assertEquals(4, afterRestore.getInt("total"));
        assertEquals(restored.json().getJsonNumber("version").longValue(),
                afterRestore.getJsonArray("items").getJsonObject(0).getJsonNumber("version").longValue());
        assertTrue(afterRestore.getJsonArray("items").getJsonObject(0).getJsonNumber("number").longValue() > newest);

        // Bad requests are problems, not 500s.
        assertEquals("application/problem+json", admin.get(path + "/revisions/compare").expect(400).contentType());
        admin.get(path + "/revisions/compare?from=abc").expect(400);
        admin.get(path + "/revisions/compare?from=0").expect(400);
        admin.get(path + "/revisions/999999999").expect(404);
        admin.get(path + "/revisions/x").expect(400);
        admin.get("api/admin/articles/" + UUID.randomUUID() + "/revisions").expect(404);
        api().get(path + "/revisions").expect(401);
    }

    @Test
    default void aDeletedArticleKeepsItsHistory() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Deleter"));
        String title = unique("Short-lived");
        String id = createArticle(admin, Content.article("en", title, author)).getString("id");
        String path = "api/admin/articles/" + id;
        long created = number(admin.get(path + "/revisions").expect(200).json().getJsonArray("items"), 0);
        admin.delete(path, ifMatch(admin, "articles", id)).expect(204);

        JsonArray items = admin.get(path + "/revisions").expect(200).json().getJsonArray("items");
        assertEquals("deleted", items.getJsonObject(0).getString("kind"));
        assertEquals(title, admin.get(path + "/revisions/" + number(items, 0)).expect(200).json().getJsonObject("article").getString("title"),
                "the deletion keeps the last state");
        assertEquals(title, admin.get(path + "/revisions/" + created).expect(200).json().getJsonObject("article").getString("title"));
        admin.post(path + "/revisions/" + created + "/restore", null, "If-Match", "*").expect(404);
    }

    @Test
    default void authorsHaveRevisionsToo() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Biographer"));
        String path = "api/admin/authors/" + author;
        admin.send("PATCH", path, "{\"honorific\": \"Prof.\", \"profiles\": {\"en\": {\"bio\": \"Rewritten.\"}}}",
                "application/merge-patch+json", ifMatch(admin, "authors", author)).expect(200);

        JsonArray items = admin.get(path + "/revisions").expect(200).json().getJsonArray("items");
        assertEquals(2, items.size());
        long first = number(items, 1);
        JsonObject diff = admin.get(path + "/revisions/compare?from=" + first + "&to=" + number(items, 0)).expect(200).json();
        assertEquals("Dr.", change(diff, "honorific").getString("before"));
        assertEquals("Rewritten.", change(diff, "profiles").getJsonObject("after").getJsonObject("en").getString("bio"));
        assertEquals("Writes about things.", change(diff, "profiles").getJsonObject("before").getJsonObject("en").getString("bio"));

        JsonObject restored = admin.post(path + "/revisions/" + first + "/restore", null, ifMatch(admin, "authors", author)).expect(200).json();
        assertEquals("Dr.", restored.getString("honorific"));
        assertEquals("Writes about things.", restored.getJsonObject("profiles").getJsonObject("en").getString("bio"));
        assertEquals("Central Asia", restored.getJsonArray("expertise").getJsonObject(0).getString("name"));
        assertEquals(3, admin.get(path + "/revisions").expect(200).json().getInt("total"));
    }

    static long number(JsonArray revisions, int index) {
        return revisions.getJsonObject(index).getJsonNumber("number").longValue();
    }

    static JsonObject change(JsonObject diff, String field) {
        return diff.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("field").equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + diff));
    }
}
