package galley.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The content model against real content: the seed page (a think-tank analysis) imported part by part
 * through the admin API and read back whole through the public API; and the demo content the embedded
 * run starts with.
 */
public interface SeedPageImportTests extends GalleyTests {

    @Test
    default void theSeedPageImportsWholeAndReadsBack() {
        Path shared = TestConfig.shared();
        assumeTrue(shared != null && shared.resolve("seed").toFile().isDirectory(),
                "../shared/seed is absent in this checkout: the seed page import is not tested here");
        SeedPage seed = SeedPage.read(shared.resolve("seed"));
        assertTrue(seed.references().size() >= 5, "the seed has numbered references");
        Api admin = api().admin();

        SeedPage.Author a = seed.author();
        JsonArrayBuilder expertise = Json.createArrayBuilder();
        a.expertise().forEach(e -> expertise.add(Json.createObjectBuilder().add("language", "tr").add("name", e)));
        JsonArrayBuilder education = Json.createArrayBuilder();
        a.degrees().forEach(d -> education.add(Json.createObjectBuilder().add("degree", d.degree()).add("field", d.field())
                .add("institution", d.institution()).add("year", d.year()).add("thesisTitle", d.thesisTitle())));
        String authorSlug = Content.unique("seed-author");
        JsonObject author = admin.post("api/admin/authors", Json.createObjectBuilder()
                .add("slug", authorSlug)
                .add("name", a.name())
                .add("honorific", a.honorific())
                .add("defaultLanguage", "tr")
                .add("profiles", Json.createObjectBuilder().add("tr", Json.createObjectBuilder()
                        .add("position", a.position()).add("organisation", a.organisation()).add("bio", a.bio())))
                .add("expertise", expertise)
                .add("education", education)
                .build()).expect(201).json();

        JsonArrayBuilder references = Json.createArrayBuilder();
        for (SeedPage.Reference r : seed.references()) {
            var reference = Json.createObjectBuilder().add("number", r.number()).add("citation", r.citation())
                    .add("title", r.title()).add("accessedOn", r.accessedOn().toString());
            if (r.authors() != null) reference.add("authors", r.authors());
            if (r.publisher() != null) reference.add("publisher", r.publisher());
            references.add(reference);
        }
        String slug = Content.unique("seed-article");
        JsonObject created = admin.post("api/admin/articles", Json.createObjectBuilder()
                .add("slug", slug)
                .add("language", "en")
                .add("title", seed.title())
                .add("body", seed.body())
                .add("authors", Json.createArrayBuilder().add(author.getString("id")))
                .add("tags", Json.createArrayBuilder().add("CSTO").add("Kazakhstan").add("Security"))
                .add("references", references)
                .build()).expect(201).json();
        admin.post("api/admin/articles/" + created.getString("id") + "/publish", null).expect(200);

        // The editors' copy keeps the body exactly as written, markers and all.
        assertEquals(seed.body(), admin.get("api/admin/articles/" + created.getString("id")).expect(200).json().getString("body"));

        JsonObject article = api().get("api/articles/" + slug + "?lang=en").expect(200).json();
        assertEquals(seed.title(), article.getString("title"));
        String html = article.getString("body");
        for (SeedPage.Reference r : seed.references()) {
            assertTrue(html.contains("<a href=\"#ref-" + r.number() + "\" id=\"fnref-" + r.number() + "\">" + r.number() + "</a>"),
                    "footnote marker " + r.number() + " links to its reference");
        }
        assertEquals(seed.references().size(), article.getJsonArray("references").size());
        for (int i = 0; i < seed.references().size(); i++) {
            SeedPage.Reference expected = seed.references().get(i);
            JsonObject actual = article.getJsonArray("references").getJsonObject(i);
            assertEquals(expected.number(), actual.getInt("number"));
            assertEquals(expected.citation(), actual.getString("citation"));
            assertEquals(expected.title(), actual.getString("title"));
            assertEquals(expected.accessedOn().toString(), actual.getString("accessedOn"));
            assertEquals(expected.publisher(), actual.containsKey("publisher") ? actual.getString("publisher") : null);
            assertEquals(expected.authors(), actual.containsKey("authors") ? actual.getString("authors") : null);
        }
        assertTrue(article.getInt("wordCount") > 500, "a real analysis: " + article.getInt("wordCount") + " words");
        assertTrue(article.getInt("readingTimeMinutes") >= 3);
        JsonObject byline = article.getJsonArray("authors").getJsonObject(0);
        assertEquals(a.honorific(), byline.getString("honorific"));
        assertEquals(a.name(), byline.getString("name"));
        assertEquals(a.position(), byline.getString("position"), "the Turkish profile is the fallback for an English article");
        assertEquals(a.organisation(), byline.getString("organisation"));

        JsonObject profile = api().get("api/authors/" + authorSlug + "?lang=tr").expect(200).json();
        assertEquals(a.bio(), profile.getString("bio"));
        assertEquals(a.expertise(), profile.getJsonArray("expertise").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(2, profile.getJsonArray("education").size());
        for (int i = 0; i < a.degrees().size(); i++) {
            SeedPage.Degree d = a.degrees().get(i);
            JsonObject e = profile.getJsonArray("education").getJsonObject(i);
            assertEquals(d.degree(), e.getString("degree"));
            assertEquals(d.institution(), e.getString("institution"));
            assertEquals(d.year(), e.getInt("year"));
            assertEquals(d.thesisTitle(), e.getString("thesisTitle"));
        }
        assertEquals(1, api().get("api/authors/" + authorSlug + "/articles").expect(200).json().getInt("total"));
    }

    @Test
    default void theDemoRunStartsWithAPublicationInTheShapeOfTheSeed() {
        JsonObject en = api().get("api/articles/caspian-ports-ferry-capacity").expect(200).json();
        assertEquals(List.of("ru", "tr"), en.getJsonArray("translations").stream()
                .map(t -> t.asJsonObject().getString("language")).toList());
        assertTrue(en.getJsonArray("references").size() >= 5);
        assertTrue(en.getJsonArray("references").stream().allMatch(r -> r.asJsonObject().containsKey("accessedOn")));
        assertTrue(en.getString("body").contains("href=\"#ref-1\""));
        assertTrue(en.getJsonArray("tags").size() >= 3);

        String authorSlug = en.getJsonArray("authors").getJsonObject(0).getString("slug");
        JsonObject tr = api().get("api/authors/" + authorSlug + "?lang=tr").expect(200).json();
        JsonObject enProfile = api().get("api/authors/" + authorSlug + "?lang=en").expect(200).json();
        assertEquals("Dr.", tr.getString("honorific"));
        assertEquals("tr", tr.getString("language"));
        assertEquals("en", enProfile.getString("language"));
        assertTrue(tr.getString("bio").length() > 100 && enProfile.getString("bio").length() > 100);
        assertTrue(tr.getJsonArray("expertise").size() >= 3);
        assertEquals(2, tr.getJsonArray("education").size());
        assertTrue(tr.getJsonArray("education").stream().allMatch(e -> e.asJsonObject().containsKey("thesisTitle")));

        JsonObject list = api().get("api/articles?size=5").expect(200).json();
        assertTrue(list.getInt("total") >= 15, "enough articles to page through");
        assertTrue(api().get("api/authors").expect(200).json().getInt("total") >= 3);
        long drafts = api().admin().get("api/admin/articles?status=draft&size=100").expect(200).json().getJsonArray("items").stream()
                .filter(a -> a.asJsonObject().getString("title").startsWith("Draft")).count();
        assertTrue(drafts >= 3, "the demo has drafts");
        assertNull(list.getJsonArray("items").stream().filter(i -> i.asJsonObject().getString("title").startsWith("Draft"))
                .findFirst().orElse(null), "drafts are not public");
    }
}
