package galley.search.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Full-text search: language-aware analysis, highlighting, filters, and clear errors for bad queries. */
public interface SearchTests extends GalleyTests {

    @Test
    default void turkishTextMatchesWithTurkishCaseRules() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Arama Yazarı"));
        String marker = marker();
        JsonObject article = createArticle(admin, Content.article("tr", "İSTANBUL'DA KIRMIZI " + marker, author)
                .add("body", "Boğaz kıyısında ILIK bir akşam. Kırmızı tramvaylar İstiklal Caddesi'nde."));
        publish(admin, article.getString("id"));

        // Turkish lower-casing: İ → i and I → ı, so "istanbul" and "kırmızı" find the upper-case title.
        assertEquals(List.of(article.getString("slug")), slugs("istanbul " + marker, "tr"));
        assertEquals(List.of(article.getString("slug")), slugs("kırmızı " + marker, "tr"));
        assertEquals(List.of(article.getString("slug")), slugs("ılık " + marker, "tr"));
        // ... while "kirmizi" (dotted i) is another word in Turkish.
        assertEquals(List.of(), slugs("kirmizi " + marker, "tr"));
        // Suffixes are stemmed: "tramvay" finds "tramvaylar".
        assertEquals(List.of(article.getString("slug")), slugs("tramvay " + marker, "tr"));
    }

    @Test
    default void russianWordFormsMatchAndHitsAreHighlighted() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Автор"));
        String marker = marker();
        JsonObject article = createArticle(admin, Content.article("ru", "Учения ОДКБ в Казахстане " + marker, author)
                .add("body", "Военные учения прошли в октябре. Наблюдатели отметили масштаб учений."));
        publish(admin, article.getString("id"));

        assertEquals(List.of(article.getString("slug")), slugs("учение " + marker, "ru"));
        assertEquals(List.of(article.getString("slug")), slugs("казахстаном " + marker, "ru"));
        JsonObject hit = search("наблюдателей " + marker, "ru").getJsonArray("items").getJsonObject(0);
        assertTrue(hit.toString().contains("<mark>"), "matches are marked: " + hit);
        assertEquals(List.of(), slugs("учение " + marker, "tr"), "lang filters");
    }

    @Test
    default void draftsAreNotFoundAndFiltersApply() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Searcher"));
        String marker = marker();
        JsonObject draft = createArticle(admin, Content.article("en", "Harbour cranes " + marker, author));
        assertEquals(List.of(), slugs("harbour " + marker, "en"));
        publish(admin, draft.getString("id"));
        assertEquals(List.of(draft.getString("slug")), slugs("harbour " + marker, "en"));
        assertEquals(List.of(draft.getString("slug")), slugs("crane " + marker, "en"), "English plurals are stemmed");
        assertEquals(1, api().get("api/search?q=" + enc(marker) + "&tag=testing").expect(200).json().getInt("total"));
        assertEquals(0, api().get("api/search?q=" + enc(marker) + "&tag=" + unique("other")).expect(200).json().getInt("total"));
        String authorSlug = admin.get("api/admin/authors/" + author).expect(200).json().getString("slug");
        assertEquals(1, api().get("api/search?q=" + enc(marker) + "&author=" + authorSlug).expect(200).json().getInt("total"));
        assertEquals(0, api().get("api/search?q=" + enc(marker) + "&author=" + unique("nobody")).expect(200).json().getInt("total"));

        // Paged like the article list, with Link headers.
        JsonObject second = createArticle(admin, Content.article("en", "Harbour tugboats " + marker, author));
        publish(admin, second.getString("id"));
        Api.Reply page = api().get("api/search?q=" + enc("harbour " + marker) + "&size=1").expect(200);
        assertEquals(2, page.json().getInt("total"));
        assertEquals(1, page.json().getJsonArray("items").size());
        String links = String.join(", ", page.headerValues("Link"));
        assertTrue(links.contains("rel=\"next\""), links);

        admin.post("api/admin/articles/" + draft.getString("id") + "/unpublish", null).expect(200);
        assertEquals(List.of(second.getString("slug")), slugs("harbour " + marker, "en"));
    }

    @Test
    default void badQueriesAreClearProblems() {
        for (String query : List.of("", "q=", "q=%20%20", "q=title:harbour", "q=" + enc("\"unclosed") + "+AND+(",
                "q=x&page=0", "q=x&size=101", "q=x&size=many", "q=" + "x".repeat(501))) {
            Api.Reply reply = api().get("api/search?" + query).expect(400);
            assertEquals("application/problem+json", reply.contentType(), query);
            JsonObject problem = reply.json();
            assertEquals(400, problem.getInt("status"), query);
            assertTrue(problem.containsKey("detail") || problem.containsKey("errors"), query + ": " + problem);
            assertTrue(!reply.body().contains("Exception") && !reply.body().contains("at org."), "no internals: " + reply.body());
        }
    }

    private static String marker() {
        StringBuilder word = new StringBuilder("mk");
        for (char ch : unique("").replaceAll("[^a-z0-9]", "").toCharArray()) word.append((char) ('a' + ch % 26));
        return word.toString();
    }

    private JsonObject search(String q, String lang) {
        return api().get("api/search?q=" + enc(q) + "&lang=" + lang).expect(200).json();
    }

    private List<String> slugs(String q, String lang) {
        return search(q, lang).getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
