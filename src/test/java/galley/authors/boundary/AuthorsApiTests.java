package galley.authors.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.ifMatch;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Authors and tags end to end: editors manage them, readers see profiles, article lists and counts. */
public interface AuthorsApiTests extends GalleyTests {

    private static JsonObject fullAuthor(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("honorific", "Dr.")
                .add("defaultLanguage", "tr")
                .add("avatarUrl", "https://images.example.org/a.jpg")
                .add("profiles", Json.createObjectBuilder()
                        .add("tr", Json.createObjectBuilder().add("position", "Dış Politika Uzmanı").add("organisation", "Meridyen")
                                .add("bio", "İstanbul'da yaşıyor; Orta Asya üzerine çalışıyor."))
                        .add("en", Json.createObjectBuilder().add("position", "Foreign Policy Expert").add("organisation", "Meridian")
                                .add("bio", "Lives in Istanbul; works on Central Asia.")))
                .add("expertise", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("language", "tr").add("name", "Orta Asya"))
                        .add(Json.createObjectBuilder().add("language", "tr").add("name", "Terörizm"))
                        .add(Json.createObjectBuilder().add("language", "en").add("name", "Central Asia")))
                .add("education", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("degree", "MA").add("field", "International Relations")
                                .add("institution", "Süleyman Demirel University").add("year", 2014).add("thesisTitle", "A master's thesis"))
                        .add(Json.createObjectBuilder().add("degree", "PhD").add("field", "International Relations")
                                .add("institution", "Süleyman Demirel University").add("year", 2022).add("thesisTitle", "A doctoral thesis")))
                .add("links", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "ORCID").add("url", "https://orcid.org/0000-0000")))
                .build();
    }

    @Test
    default void profileIsServedInTheAskedLanguageWithFallbackToTheDefault() {
        Api admin = api().admin();
        String name = unique("Emre Kaya");
        JsonObject created = admin.post("api/admin/authors", fullAuthor(name)).expect(201).json();
        String slug = created.getString("slug");
        assertTrue(slug.startsWith("emre-kaya-"), slug);

        JsonObject tr = api().get("api/authors/" + slug + "?lang=tr").expect(200).json();
        assertEquals("tr", tr.getString("language"));
        assertEquals("Dış Politika Uzmanı", tr.getString("position"));
        assertEquals(List.of("Orta Asya", "Terörizm"), tr.getJsonArray("expertise").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, tr.getJsonArray("education").size());
        assertEquals("A doctoral thesis", tr.getJsonArray("education").getJsonObject(1).getString("thesisTitle"));
        assertEquals(2022, tr.getJsonArray("education").getJsonObject(1).getInt("year"));
        assertEquals(List.of("tr", "en"), tr.getJsonArray("languages").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());

        JsonObject en = api().get("api/authors/" + slug + "?lang=en").expect(200).json();
        assertEquals("Foreign Policy Expert", en.getString("position"));
        assertEquals("Lives in Istanbul; works on Central Asia.", en.getString("bio"));

        JsonObject ru = api().get("api/authors/" + slug + "?lang=ru").expect(200).json();
        assertEquals("tr", ru.getString("language"), "no Russian profile: the default language is served");
        assertEquals("Dış Politika Uzmanı", ru.getString("position"));
        assertEquals("tr", api().get("api/authors/" + slug).expect(200).json().getString("language"));

        api().get("api/authors/" + unique("nobody")).expect(404);
    }

    @Test
    default void authorsArticlesArePublishedOnesOnly() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Listed"));
        String slug = admin.get("api/admin/authors/" + author).expect(200).json().getString("slug");
        for (int i = 0; i < 3; i++) publish(admin, createArticle(admin, Content.article("en", unique("By author"), author)).getString("id"));
        createArticle(admin, Content.article("en", unique("Unpublished by author"), author));

        Api.Reply reply = api().get("api/authors/" + slug + "/articles?size=2").expect(200);
        assertEquals(3, reply.json().getInt("total"));
        assertEquals(2, reply.json().getJsonArray("items").size());
        assertTrue(reply.header("Link").contains("rel=\"next\""));
        api().get("api/authors/" + unique("nobody") + "/articles").expect(404);

        Api.Reply list = api().get("api/authors?size=100").expect(200);
        assertTrue(list.json().getJsonArray("items").stream().anyMatch(a -> a.asJsonObject().getString("slug").equals(slug)));
    }

    @Test
    default void editorsReplaceAndDeleteAuthorsButNotOnesStillNamedOnArticles() {
        Api admin = api().admin();
        JsonObject created = admin.post("api/admin/authors", fullAuthor(unique("Replace Me"))).expect(201).json();
        String id = created.getString("id");
        JsonObject replaced = admin.put("api/admin/authors/" + id, Json.createObjectBuilder()
                .add("name", "Replaced Name").add("defaultLanguage", "en")
                .add("profiles", Json.createObjectBuilder().add("en", Json.createObjectBuilder().add("bio", "New bio.")))
                .build(), ifMatch(admin, "authors", id)).expect(200).json();
        assertEquals("Replaced Name", replaced.getString("name"));
        assertEquals(created.getString("slug"), replaced.getString("slug"));
        assertEquals(Set.of("en"), replaced.getJsonObject("profiles").keySet());
        assertEquals(0, replaced.getJsonArray("education").size());

        UUID named = createAuthor(admin, unique("Named"));
        createArticle(admin, Content.article("en", unique("Keeps author"), named));
        admin.delete("api/admin/authors/" + named, ifMatch(admin, "authors", named)).expect(409);
        admin.get("api/admin/authors/" + named).expect(200);

        admin.delete("api/admin/authors/" + id, ifMatch(admin, "authors", id)).expect(204);
        admin.get("api/admin/authors/" + id).expect(404);
    }

    @Test
    default void invalidAuthorsAreRefusedWithTheFieldsNamed() {
        Api admin = api().admin();
        JsonObject bad = Json.createObjectBuilder()
                .add("name", "")
                .add("defaultLanguage", "de")
                .add("avatarUrl", "javascript:alert(1)")
                .add("profiles", Json.createObjectBuilder().add("xx!", Json.createObjectBuilder().add("bio", "x")))
                .add("education", Json.createArrayBuilder().add(Json.createObjectBuilder().add("degree", "PhD").add("year", 20222)))
                .add("links", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "x").add("url", "ftp://x")))
                .build();
        Set<String> fields = admin.post("api/admin/authors", bad).expect(422).json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("name", "avatarUrl", "education[0].institution", "education[0].year", "links[0].url")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("profiles")), fields.toString());

        String slug = unique("taken");
        admin.post("api/admin/authors", Content.author("One").add("slug", slug).build()).expect(201);
        assertEquals("slug", admin.post("api/admin/authors", Content.author("Two").add("slug", slug).build()).expect(409)
                .json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    default void tagsCountPublishedArticlesAndEditorsManageThem() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Tagger"));
        String tagName = "Counted " + unique("Tag");
        String tagSlug = tagName.toLowerCase().replace(' ', '-');
        for (int i = 0; i < 2; i++) {
            publish(admin, createArticle(admin, Content.article(i == 0 ? "en" : "tr", unique("Tagged"), author)
                    .add("tags", Json.createArrayBuilder().add(tagName))).getString("id"));
        }
        createArticle(admin, Content.article("en", unique("Tagged draft"), author).add("tags", Json.createArrayBuilder().add(tagName)));

        JsonObject counted = api().get("api/tags").expect(200).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("slug").equals(tagSlug)).findFirst().orElseThrow();
        assertEquals(2, counted.getInt("articles"));
        assertEquals(tagName, counted.getString("name"));
        assertFalse(counted.containsKey("id"), "ids are for editors");
        JsonObject inTurkish = api().get("api/tags?lang=tr").expect(200).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("slug").equals(tagSlug)).findFirst().orElseThrow();
        assertEquals(1, inTurkish.getInt("articles"));

        JsonObject adminTag = admin.get("api/admin/tags").expect(200).json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("slug").equals(tagSlug)).findFirst().orElseThrow();
        assertEquals(3, adminTag.getInt("articles"), "editors count drafts too");

        String id = adminTag.getString("id");
        JsonObject renamed = admin.put("api/admin/tags/" + id, Json.createObjectBuilder().add("name", "Renamed " + tagName).build())
                .expect(200).json();
        assertEquals("renamed-" + tagSlug, renamed.getString("slug"));
        JsonObject other = admin.post("api/admin/tags", Json.createObjectBuilder().add("name", unique("Other")).build()).expect(201).json();
        admin.put("api/admin/tags/" + other.getString("id"), Json.createObjectBuilder().add("name", "x").add("slug", renamed.getString("slug")).build())
                .expect(409);

        admin.delete("api/admin/tags/" + id).expect(204);
        assertTrue(api().get("api/tags").expect(200).json().getJsonArray("items").stream()
                .noneMatch(t -> t.asJsonObject().getString("slug").startsWith("renamed-" + tagSlug)));
        assertEquals(0, api().get("api/articles?tag=renamed-" + tagSlug).expect(200).json().getInt("total"));
    }
}
