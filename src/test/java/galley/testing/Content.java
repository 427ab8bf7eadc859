package galley.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builders for the admin API's request bodies, with names unique to each test run. */
public final class Content {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Content() {
    }

    /** A name no other test uses: {@code prefix-<run>-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    public static JsonObjectBuilder author(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("honorific", "Dr.")
                .add("defaultLanguage", "en")
                .add("profiles", Json.createObjectBuilder()
                        .add("en", Json.createObjectBuilder().add("position", "Analyst").add("organisation", "Meridian").add("bio", "Writes about things."))
                        .add("tr", Json.createObjectBuilder().add("position", "Analist").add("organisation", "Meridyen").add("bio", "Bir şeyler yazar.")))
                .add("expertise", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("language", "en").add("name", "Central Asia"))
                        .add(Json.createObjectBuilder().add("language", "tr").add("name", "Orta Asya")));
    }

    public static JsonObjectBuilder article(String language, String title, UUID... authors) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (UUID a : authors) ids.add(a.toString());
        return Json.createObjectBuilder()
                .add("language", language)
                .add("title", title)
                .add("excerpt", "About " + title)
                .add("body", "First paragraph about " + title + ".[^1]\n\nSecond paragraph.")
                .add("authors", ids)
                .add("tags", Json.createArrayBuilder().add("Testing"))
                .add("references", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("number", 1).add("title", "A source").add("publisher", "Example Press")
                        .add("url", "https://example.org/source").add("accessedOn", "2022-09-30")));
    }

    /** Creates an author through the admin API and returns its id. */
    public static UUID createAuthor(Api admin, String name) {
        JsonObject created = admin.post("api/admin/authors", author(name).build()).expect(201).json();
        return UUID.fromString(created.getString("id"));
    }

    /** Creates an article (a draft) and returns the admin view. */
    public static JsonObject createArticle(Api admin, JsonObjectBuilder article) {
        return admin.post("api/admin/articles", article.build()).expect(201).json();
    }

    /** The If-Match header pair for the current version of an admin resource ("articles" or "authors"). */
    public static String[] ifMatch(Api admin, String kind, Object id) {
        return new String[] {"If-Match", admin.get("api/admin/" + kind + "/" + id).expect(200).header("ETag")};
    }

    public static JsonObject publish(Api admin, String id) {
        return admin.post("api/admin/articles/" + id + "/publish", null).expect(200).json();
    }
}
