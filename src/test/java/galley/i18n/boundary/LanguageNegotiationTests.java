package galley.i18n.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.Corpus;
import galley.testing.GalleyClient;
import galley.testing.GalleyTests;
import galley.testing.TestConfig;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** lang, then Accept-Language, then the default; fallback chains; Content-Language and Vary. */
public interface LanguageNegotiationTests extends GalleyTests {

    @Test
    default void aSlugInSeveralLanguagesIsServedInTheOneTheReaderAsksFor() {
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
    default void authorsProfilesFollowTheFallbackChain() {
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
    default void listsAreInTheAskedLanguageAndMayFallBackToTheDefault() {
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
    default void titlesSortByTheRulesOfTheirLanguage() {
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

    /**
     * The NTREX parallel corpus (123 real news articles, each in English, Turkish and Russian): imported as
     * translation groups, then read back as readers would: translations listed both ways, readable ASCII
     * slugs, Turkish words found whatever their case (İ/i, I/ı), and titles sorted by each language's rules.
     */
    @Test
    default void realArticlesInThreeLanguagesFormTranslationGroupsAndAreSearchedAndSortedByTheirLanguage() {
        Path shared = TestConfig.shared();
        Path file = shared == null ? null : shared.resolve("corpus/parallel/ntrex-en-tr-ru.jsonl.gz");
        assumeTrue(file != null && file.toFile().isFile(),
                "../shared/corpus/parallel/ntrex-en-tr-ru.jsonl.gz is absent in this checkout: the parallel-corpus test is skipped");
        List<Corpus.Doc> docs = Corpus.read(file);
        Api admin = api().admin();
        GalleyClient galley = new GalleyClient(admin);
        String author = galley.author(unique("NTREX"));
        String tag = unique("ntrex").toLowerCase(Locale.ROOT);
        Map<String, String> englishId = new HashMap<>();
        Map<String, Map<String, JsonObject>> groups = new HashMap<>();
        for (String language : List.of("en", "tr", "ru")) {
            List<Corpus.Doc> these = docs.stream().filter(d -> d.language().equals(language)).toList();
            List<JsonObject> inputs = new ArrayList<>();
            for (Corpus.Doc d : these) {
                var input = Json.createObjectBuilder().add("language", language).add("title", d.title().strip())
                        .add("body", Corpus.markdown(d.body())).add("authors", Json.createArrayBuilder().add(author))
                        .add("tags", Json.createArrayBuilder().add(tag));
                if (!language.equals("en")) input.add("translationOf", englishId.get(d.translationGroup()));
                inputs.add(input.build());
            }
            List<JsonObject> created = galley.importArticles(inputs);
            for (int i = 0; i < these.size(); i++) {
                groups.computeIfAbsent(these.get(i).translationGroup(), g -> new HashMap<>()).put(language, created.get(i));
                if (language.equals("en")) englishId.put(these.get(i).translationGroup(), created.get(i).getString("id"));
            }
        }
        assertEquals(123, groups.size());

        // Translation groups: every version lists the other two; slugs are readable ASCII in every language.
        for (Map<String, JsonObject> group : groups.values()) {
            for (String language : List.of("tr", "ru")) {
                String slug = group.get(language).getString("slug");
                assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), "transliterated slug: " + slug);
            }
        }
        Map<String, JsonObject> group = groups.values().iterator().next();
        Api.Reply turkish = api().get("api/articles/" + group.get("tr").getString("slug") + "?lang=tr").expect(200);
        assertEquals("tr", turkish.header("Content-Language"));
        Map<String, String> listed = new HashMap<>();
        turkish.json().getJsonArray("translations").forEach(t -> listed.put(t.asJsonObject().getString("language"), t.asJsonObject().getString("slug")));
        assertEquals(Map.of("en", group.get("en").getString("slug"), "ru", group.get("ru").getString("slug")), listed);

        // Turkish case rules: a word written with İ or I is found from its Turkish lower case (i, ı), and back.
        Locale tr = Locale.forLanguageTag("tr");
        int checked = 0;
        for (String initial : List.of("İ", "I")) {
            String word = firstWord(docs, "tr", "\\b" + initial + "\\p{L}{5,}");
            if (word == null) continue;
            for (String query : List.of(word.toLowerCase(tr), word.toUpperCase(tr))) {
                JsonObject hits = api().get("api/search?lang=tr&tag=" + tag + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).expect(200).json();
                assertTrue(hits.getInt("total") > 0, "Turkish search for '" + query + "' (from '" + word + "') finds it");
                assertTrue(hits.getJsonArray("items").stream().allMatch(h -> h.asJsonObject().getString("language").equals("tr")));
            }
            checked++;
        }
        assertTrue(checked > 0, "the corpus has Turkish words with İ or I");
        String russian = firstWord(docs, "ru", "\\b[А-Я][а-я]{6,}");
        assertTrue(api().get("api/search?lang=ru&tag=" + tag + "&q=" + URLEncoder.encode(russian.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8))
                .expect(200).json().getInt("total") > 0, "Russian search for " + russian);

        // Sorting by title follows each language's collation.
        for (String language : List.of("tr", "ru", "en")) {
            List<String> titles = api().get("api/articles?lang=" + language + "&tag=" + tag + "&sort=title&size=100").expect(200).json()
                    .getJsonArray("items").stream().map(v -> v.asJsonObject().getString("title")).toList();
            assertEquals(100, titles.size());
            Collator collator = Collator.getInstance(ULocale.forLanguageTag(language));
            for (int i = 1; i < titles.size(); i++) {
                assertTrue(collator.compare(titles.get(i - 1), titles.get(i)) <= 0,
                        language + " order: '" + titles.get(i - 1) + "' before '" + titles.get(i) + "'");
            }
        }
    }

    /** The first word matching {@code regex} in the titles and bodies of {@code language}'s documents. */
    private static String firstWord(List<Corpus.Doc> docs, String language, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
        for (Corpus.Doc d : docs) {
            if (!d.language().equals(language)) continue;
            Matcher m = pattern.matcher(d.title() + "\n" + d.body());
            if (m.find()) return m.group();
        }
        return null;
    }

    private static List<String> slugs(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }
}
