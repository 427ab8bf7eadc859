package galley.i18n.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyDeployment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** lang, then Accept-Language, then the default; fallback chains; Content-Language and Vary. */
class LanguageNegotiationIT extends GalleyDeployment {

    @Test
    void aSlugInSeveralLanguagesIsServedInTheOneTheReaderAsksFor() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Bilingual"));
        String slug = unique("ortak-baslik").toLowerCase(Locale.ROOT);
        JsonObject en = createArticle(admin, Content.article("en", "Shared slug " + slug, author).add("slug", slug));
        JsonObject tr = createArticle(admin, Content.article("tr", "Ortak başlık " + slug, author).add("slug", slug)
                .add("translationOf", en.getString("id")));
        publish(admin, en.getString("id"));
        publish(admin, tr.getString("id"));

        Api.Reply plain = api().get("api/articles/" + slug).expect(200);
        assertEquals("en", plain.json().getString("language"), "the default language without a preference");
        assertEquals("en", plain.header("Content-Language"));
        assertTrue(String.join(",", plain.headerValues("Vary")).contains("Accept-Language"), plain.headers().toString());

        Api.Reply turkish = api().get("api/articles/" + slug, "Accept-Language", "tr-TR,tr;q=0.9,en;q=0.4").expect(200);
        assertEquals("tr", turkish.json().getString("language"));
        assertEquals("tr", turkish.header("Content-Language"));
        assertEquals("en", api().get("api/articles/" + slug + "?lang=en", "Accept-Language", "tr").expect(200).json().getString("language"),
                "lang wins over Accept-Language");
        assertEquals("en", api().get("api/articles/" + slug, "Accept-Language", "de, fr;q=0.8").expect(200).json().getString("language"),
                "a language the site does not have falls to the default");
        api().get("api/articles/" + slug + "?lang=ru").expect(404);
    }

    @Test
    void authorsProfilesFollowTheFallbackChain() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Chain Author"));
        String slug = admin.get("api/admin/authors/" + author).expect(200).json().getString("slug");

        Api.Reply turkish = api().get("api/authors/" + slug, "Accept-Language", "tr-TR").expect(200);
        assertEquals("Analist", turkish.json().getString("position"));
        assertEquals(List.of("Orta Asya"), turkish.json().getJsonArray("expertise").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("tr", turkish.header("Content-Language"));

        Api.Reply russian = api().get("api/authors/" + slug, "Accept-Language", "ru").expect(200);
        assertEquals("Analyst", russian.json().getString("position"), "no Russian profile: the chain ends in the default");
        assertEquals("en", russian.header("Content-Language"));
        assertEquals("Analist", api().get("api/authors/" + slug + "?lang=tr", "Accept-Language", "ru").expect(200)
                .json().getString("position"));
    }

    @Test
    void listsAreInTheAskedLanguageAndMayFallBackToTheDefault() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Lister"));
        String tag = unique("lang-list").toLowerCase(Locale.ROOT);
        JsonObject translated = createArticle(admin, Content.article("en", unique("Translated"), author).add("tags", Json.createArrayBuilder().add(tag)));
        JsonObject itsTurkish = createArticle(admin, Content.article("tr", unique("Çevrilmiş"), author)
                .add("tags", Json.createArrayBuilder().add(tag)).add("translationOf", translated.getString("id")));
        JsonObject englishOnly = createArticle(admin, Content.article("en", unique("Only English"), author).add("tags", Json.createArrayBuilder().add(tag)));
        for (JsonObject a : List.of(translated, itsTurkish, englishOnly)) publish(admin, a.getString("id"));

        assertEquals(3, api().get("api/articles?tag=" + tag).expect(200).json().getInt("total"), "no preference: every language");
        Api.Reply turkish = api().get("api/articles?tag=" + tag, "Accept-Language", "tr").expect(200);
        assertEquals(List.of(itsTurkish.getString("slug")), slugs(turkish.json()));
        assertEquals("tr", turkish.header("Content-Language"));
        JsonObject withFallback = api().get("api/articles?tag=" + tag + "&lang=tr&fallback=default&sort=title").expect(200).json();
        assertEquals(2, withFallback.getInt("total"));
        assertTrue(slugs(withFallback).containsAll(List.of(itsTurkish.getString("slug"), englishOnly.getString("slug"))),
                "the Turkish version, and the English article that has none; not the English original of the Turkish one");
        api().get("api/articles?tag=" + tag + "&lang=tr&fallback=sometimes").expect(400);
    }

    @Test
    void titlesSortByTheRulesOfTheirLanguage() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Sıralayıcı"));
        String tag = unique("collation").toLowerCase(Locale.ROOT);
        List<String> titles = List.of("Şehir", "Çay", "İstanbul", "Uzun", "Cuma", "Ilık", "Sabah", "Üzüm");
        for (String title : titles) {
            JsonObject a = createArticle(admin, Content.article("tr", title + " " + tag, author).add("tags", Json.createArrayBuilder().add(tag)));
            publish(admin, a.getString("id"));
        }
        JsonObject page = api().get("api/articles?lang=tr&sort=title&tag=" + tag).expect(200).json();
        List<String> served = page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("title").split(" ")[0]).toList();
        assertEquals(List.of("Cuma", "Çay", "Ilık", "İstanbul", "Sabah", "Şehir", "Uzun", "Üzüm"), served);
    }

    private static List<String> slugs(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }
}
