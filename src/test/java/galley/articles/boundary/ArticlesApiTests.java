package galley.articles.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.ifMatch;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The article API end to end: editors write, readers read published content only. */
public interface ArticlesApiTests extends GalleyTests {

    @Test
    default void draftsAreInvisibleUntilPublishedAndAfterUnpublished() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Draft Author"));
        String title = unique("Draft Invisible");
        JsonObject draft = createArticle(admin, Content.article("en", title, author));
        assertEquals("DRAFT", draft.getString("status"));
        String slug = draft.getString("slug");
        String tag = unique("draft-tag");
        admin.put("api/admin/articles/" + draft.getString("id"),
                Content.article("en", title, author).add("tags", Json.createArrayBuilder().add(tag)).build(),
                ifMatch(admin, "articles", draft.getString("id"))).expect(200);

        Api.Reply missing = api().get("api/articles/" + slug).expect(404);
        Api.Reply unknown = api().get("api/articles/" + unique("never-existed")).expect(404);
        assertEquals("application/problem+json", missing.contentType());
        assertEquals(unknown.json().getString("title"), missing.json().getString("title"), "a draft looks exactly like nothing");
        assertEquals(0, api().get("api/articles?tag=" + tag).expect(200).json().getInt("total"));

        JsonObject published = publish(admin, draft.getString("id"));
        assertEquals("PUBLISHED", published.getString("status"));
        assertNotNull(published.getString("publishedAt"));
        JsonObject read = api().get("api/articles/" + slug).expect(200).json();
        assertEquals(title, read.getString("title"));
        assertEquals(1, api().get("api/articles?tag=" + tag).expect(200).json().getInt("total"));

        admin.post("api/admin/articles/" + draft.getString("id") + "/unpublish", null).expect(200);
        api().get("api/articles/" + slug).expect(404);
        assertEquals(0, api().get("api/articles?tag=" + tag).expect(200).json().getInt("total"));
    }

    @Test
    default void fullArticleCarriesAuthorsTagsReferencesAndRenderedBody() {
        Api admin = api().admin();
        UUID first = createAuthor(admin, unique("First Author"));
        UUID second = createAuthor(admin, unique("Second Author"));
        String title = unique("Full Article");
        JsonObject created = createArticle(admin, Content.article("en", title, first, second)
                .add("featuredImage", Json.createObjectBuilder().add("url", "https://images.example.org/x.jpg").add("alt", "An image"))
                .add("seoDescription", "For search engines")
                .add("body", "Intro with a citation.[^1] More text [^2].\n\n<script>alert(1)</script>")
                .add("references", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("number", 1).add("title", "One").add("accessedOn", "2022-09-30"))
                        .add(Json.createObjectBuilder().add("number", 2).add("title", "Two").add("citation", "“Two”, Press, (Date of Accession: 30.09.2022).")
                                .add("url", "https://example.org/two").add("accessedOn", "2022-09-30"))));
        publish(admin, created.getString("id"));

        JsonObject article = api().get("api/articles/" + created.getString("slug")).expect(200).json();
        assertEquals(List.of(first.toString(), second.toString()),
                article.getJsonArray("authors").stream().map(a -> a.asJsonObject().getString("id")).toList(), "byline order is kept");
        assertEquals("Dr.", article.getJsonArray("authors").getJsonObject(0).getString("honorific"));
        assertEquals("Analyst", article.getJsonArray("authors").getJsonObject(0).getString("position"));
        assertEquals("testing", article.getJsonArray("tags").getJsonObject(0).getString("slug"));
        assertEquals(2, article.getJsonArray("references").size());
        assertEquals("2022-09-30", article.getJsonArray("references").getJsonObject(1).getString("accessedOn"));
        String body = article.getString("body");
        assertTrue(body.contains("<a href=\"#ref-1\" id=\"fnref-1\">1</a>"), body);
        assertTrue(body.contains("#ref-2"), body);
        assertFalse(body.contains("<script"), body);
        assertEquals("https://images.example.org/x.jpg", article.getJsonObject("featuredImage").getString("url"));
        assertTrue(article.getInt("wordCount") >= 6);
        assertEquals(1, article.getInt("readingTimeMinutes"));
        assertFalse(article.containsKey("bodyMarkdown"), "the public API gives HTML, not the source");
    }

    @Test
    default void translationsKnowEachOtherAndOnlyPublishedOnesAreListed() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Polyglot"));
        JsonObject en = createArticle(admin, Content.article("en", unique("CSTO Drills in Kazakhstan"), author));
        JsonObject tr = createArticle(admin, Content.article("tr", "KGAÖ'nün Kazakistan Tatbikatı " + unique("x"), author)
                .add("translationOf", en.getString("id")));
        JsonObject ru = createArticle(admin, Content.article("ru", "Учения ОДКБ в Казахстане " + unique("x"), author));
        admin.put("api/admin/articles/" + ru.getString("id") + "/translation-of",
                Json.createObjectBuilder().add("articleId", tr.getString("id")).build(), ifMatch(admin, "articles", ru.getString("id"))).expect(200);
        assertTrue(tr.getString("slug").startsWith("kgaonun-kazakistan-tatbikati-"), tr.getString("slug"));
        assertTrue(ru.getString("slug").startsWith("ucheniya-odkb-v-kazakhstane-"), ru.getString("slug"));

        publish(admin, en.getString("id"));
        publish(admin, tr.getString("id"));
        JsonObject enRead = api().get("api/articles/" + en.getString("slug")).expect(200).json();
        assertEquals(List.of("tr"), languages(enRead), "the draft Russian version is not announced");

        publish(admin, ru.getString("id"));
        enRead = api().get("api/articles/" + en.getString("slug")).expect(200).json();
        assertEquals(List.of("ru", "tr"), languages(enRead));
        JsonObject trLink = enRead.getJsonArray("translations").getJsonObject(1);
        assertEquals(tr.getString("slug"), trLink.getString("slug"));
        assertEquals(tr.getString("title"), trLink.getString("title"));
        JsonObject ruRead = api().get("api/articles/" + ru.getString("slug") + "?lang=ru").expect(200).json();
        assertEquals(List.of("en", "tr"), languages(ruRead));

        // A group holds one article per language.
        JsonObject secondEn = createArticle(admin, Content.article("en", unique("Another English"), author));
        Api.Reply conflict = admin.put("api/admin/articles/" + secondEn.getString("id") + "/translation-of",
                Json.createObjectBuilder().add("articleId", ru.getString("id")).build(), ifMatch(admin, "articles", secondEn.getString("id"))).expect(409);
        assertEquals("application/problem+json", conflict.contentType());

        admin.delete("api/admin/articles/" + tr.getString("id") + "/translation-of", ifMatch(admin, "articles", tr.getString("id"))).expect(200);
        assertEquals(List.of("ru"), languages(api().get("api/articles/" + en.getString("slug")).expect(200).json()));
    }

    @Test
    default void slugsAreUniquePerLanguageNotGlobally() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Slug Author"));
        String slug = unique("shared-slug");
        JsonObject en = createArticle(admin, Content.article("en", "English " + slug, author).add("slug", slug));
        JsonObject tr = createArticle(admin, Content.article("tr", "Türkçe " + slug, author).add("slug", slug));
        publish(admin, en.getString("id"));
        publish(admin, tr.getString("id"));
        assertEquals("tr", api().get("api/articles/" + slug + "?lang=tr").expect(200).json().getString("language"));
        assertEquals("en", api().get("api/articles/" + slug + "?lang=en").expect(200).json().getString("language"));
        assertEquals("en", api().get("api/articles/" + slug).expect(200).json().getString("language"), "the default language wins");
        api().get("api/articles/" + slug + "?lang=ru").expect(404);

        long before = countArticles(admin);
        Api.Reply taken = admin.post("api/admin/articles", Content.article("en", "Again", author).add("slug", slug).build()).expect(409);
        assertEquals("slug", taken.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(before, countArticles(admin), "nothing was written");

        // A generated slug steps aside instead of failing.
        JsonObject first = createArticle(admin, Content.article("en", "Twice " + slug, author));
        JsonObject second = createArticle(admin, Content.article("en", "Twice " + slug, author));
        assertEquals("twice-" + slug, first.getString("slug"));
        assertEquals("twice-" + slug + "-2", second.getString("slug"));
    }

    @Test
    default void listsFilterSortAndPaginateWithLinkHeaders() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Prolific"));
        String tag = unique("paging");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String title = "Paging " + (char) ('G' - i) + " " + tag;
            titles.add(title);
            JsonObject a = createArticle(admin, Content.article(i % 2 == 0 ? "en" : "tr", title, author)
                    .add("tags", Json.createArrayBuilder().add(tag))
                    .add("publishedAt", "2023-0" + (i + 1) + "-15T10:00:00Z"));
            publish(admin, a.getString("id"));
        }
        JsonObject draft = createArticle(admin, Content.article("en", "Paging draft " + tag, author).add("tags", Json.createArrayBuilder().add(tag)));

        Api.Reply page1 = api().get("api/articles?tag=" + tag + "&size=3").expect(200);
        JsonObject body = page1.json();
        assertEquals(7, body.getInt("total"));
        assertEquals(3, body.getInt("totalPages"));
        assertEquals(3, body.getJsonArray("items").size());
        // Newest first: the article published in July comes first.
        assertEquals(titles.get(6), body.getJsonArray("items").getJsonObject(0).getString("title"));
        String links = page1.header("Link");
        assertTrue(links.contains("rel=\"next\"") && links.contains("page=2"), links);
        assertTrue(links.contains("rel=\"last\"") && links.contains("page=3"), links);
        assertFalse(links.contains("rel=\"prev\""), links);
        assertTrue(links.contains("tag=" + tag), "links keep the filters: " + links);

        Api.Reply page3 = api().get("api/articles?tag=" + tag + "&size=3&page=3").expect(200);
        assertEquals(1, page3.json().getJsonArray("items").size());
        assertTrue(page3.header("Link").contains("rel=\"prev\""));
        assertFalse(page3.header("Link").contains("rel=\"next\""));
        assertEquals("7", page3.header("X-Total-Count"));

        assertEquals(4, api().get("api/articles?tag=" + tag + "&lang=en").expect(200).json().getInt("total"));
        assertEquals(3, api().get("api/articles?tag=" + tag + "&lang=tr").expect(200).json().getInt("total"));
        assertEquals(3, api().get("api/articles?tag=" + tag + "&from=2023-03-01&to=2023-05-31").expect(200).json().getInt("total"));
        JsonObject byTitle = api().get("api/articles?tag=" + tag + "&sort=title&size=100").expect(200).json();
        List<String> sorted = byTitle.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("title")).toList();
        assertEquals(titles.stream().sorted().toList(), sorted);
        JsonObject oldest = api().get("api/articles?tag=" + tag + "&sort=oldest&size=1").expect(200).json();
        assertEquals(titles.get(0), oldest.getJsonArray("items").getJsonObject(0).getString("title"));

        // The editors' list shows the draft too.
        Api.Reply adminList = admin.get("api/admin/articles?tag=" + tag + "&size=100").expect(200);
        assertEquals("8", adminList.header("X-Total-Count"));
        assertEquals(1, admin.get("api/admin/articles?tag=" + tag + "&status=draft").expect(200).json().getJsonArray("items").size());
        assertEquals(draft.getString("id"), admin.get("api/admin/articles?tag=" + tag + "&status=draft").expect(200)
                .json().getJsonArray("items").getJsonObject(0).getString("id"));
    }

    @Test
    default void replaceAndDelete() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Editor"));
        JsonObject created = createArticle(admin, Content.article("en", unique("Before"), author));
        String id = created.getString("id");
        JsonObject replaced = admin.put("api/admin/articles/" + id,
                Content.article("en", "After", author).add("tags", Json.createArrayBuilder().add("Replaced").add("Second")).build(),
                "If-Match", "\"" + created.getJsonNumber("version") + "\"").expect(200).json();
        assertEquals("After", replaced.getString("title"));
        assertEquals(created.getString("slug"), replaced.getString("slug"), "an absent slug is kept");
        assertEquals(Set.of("replaced", "second"), replaced.getJsonArray("tags").stream()
                .map(t -> t.asJsonObject().getString("slug")).collect(Collectors.toSet()));
        assertTrue(replaced.getJsonNumber("version").longValue() > created.getJsonNumber("version").longValue());

        String[] current = ifMatch(admin, "articles", id);
        admin.delete("api/admin/articles/" + id, current).expect(204);
        admin.get("api/admin/articles/" + id).expect(404);
        admin.delete("api/admin/articles/" + id, current).expect(404);
    }

    @Test
    default void publishingNeedsBodyAndAuthor() {
        Api admin = api().admin();
        JsonObject bare = createArticle(admin, Json.createObjectBuilder().add("language", "en").add("title", unique("Bare")));
        Api.Reply refused = admin.post("api/admin/articles/" + bare.getString("id") + "/publish", null).expect(422);
        Set<String> fields = refused.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("body", "authors"), fields);
        assertEquals("DRAFT", admin.get("api/admin/articles/" + bare.getString("id")).expect(200).json().getString("status"));
    }

    @Test
    default void invalidInputIsRefusedWithEveryFieldNamedAndNothingWritten() {
        Api admin = api().admin();
        long before = countArticles(admin);
        JsonObject hostile = Json.createObjectBuilder()
                .add("language", "english")
                .add("title", "")
                .add("slug", "Not A Slug")
                .add("authors", Json.createArrayBuilder().add(UUID.randomUUID().toString()))
                .add("references", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("number", 1).add("title", "t").add("url", "javascript:alert(1)")))
                .build();
        Api.Reply reply = admin.post("api/admin/articles", hostile).expect(422);
        assertEquals("application/problem+json", reply.contentType());
        Set<String> fields = reply.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("language", "title", "slug", "references[0].url"), fields);

        // Valid shape, but an author that does not exist and a citation of a missing reference.
        JsonObject dangling = Content.article("en", unique("Dangling"), UUID.randomUUID())
                .add("body", "Claim.[^7]").build();
        Set<String> danglingFields = admin.post("api/admin/articles", dangling).expect(422).json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertTrue(danglingFields.contains("body"), danglingFields.toString());

        UUID author = createAuthor(admin, unique("Checker"));
        Set<String> unknownAuthor = admin.post("api/admin/articles", Content.article("en", unique("Unknown author"), author, UUID.randomUUID()).build())
                .expect(422).json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("authors[1]"), unknownAuthor);

        admin.send("POST", "api/admin/articles", "{\"title\": ", "application/json").expect(400);
        Api.Reply unknownField = admin.send("POST", "api/admin/articles", "{\"title\":\"x\",\"language\":\"en\",\"colour\":\"red\"}", "application/json").expect(400);
        assertEquals("colour", unknownField.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        admin.send("POST", "api/admin/articles", "{\"title\":\"x\",\"language\":\"en\",\"authors\":\"nope\"}", "application/json").expect(400);
        admin.send("POST", "api/admin/articles", "title=x", "application/x-www-form-urlencoded").expect(415);
        admin.send("POST", "api/admin/articles", "", "application/json").expect(400);
        admin.get("api/admin/articles/" + UUID.randomUUID()).expect(404);
        admin.get("api/admin/articles/not-a-uuid").expect(404);
        assertEquals(before, countArticles(admin), "no failed request wrote anything");
    }

    @Test
    default void badQueryParametersAre400NamingTheParameter() {
        for (String query : List.of("page=0", "page=abc", "size=101", "size=-1", "lang=xx-!!", "from=yesterday", "sort=random", "tag=Not%20A%20Slug")) {
            Api.Reply reply = api().get("api/articles?" + query).expect(400);
            assertEquals("application/problem+json", reply.contentType());
            String field = reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
            assertEquals(query.substring(0, query.indexOf('=')), field, query);
        }
    }

    @Test
    default void statementsPerListPageDoNotGrowWithItemsAuthorsOrTags() {
        Api admin = api().admin();
        List<UUID> authors = new ArrayList<>();
        for (int i = 0; i < 3; i++) authors.add(createAuthor(admin, unique("Counted Author")));
        String big = unique("count-big");
        String small = unique("count-small");
        for (int i = 0; i < 50; i++) {
            JsonArrayBuilder tags = Json.createArrayBuilder().add(big).add(big + "-a").add(big + "-b").add("Common " + (i % 5));
            JsonObject a = createArticle(admin, Content.article("en", "Counted " + i + " " + big, authors.toArray(UUID[]::new)).add("tags", tags));
            publish(admin, a.getString("id"));
        }
        for (int i = 0; i < 5; i++) {
            JsonObject a = createArticle(admin, Content.article("en", "Small " + i + " " + small, authors.get(0))
                    .add("tags", Json.createArrayBuilder().add(small)));
            publish(admin, a.getString("id"));
        }
        Api.Reply bigPage = api().get("api/articles?tag=" + big + "&size=50").expect(200);
        Api.Reply smallPage = api().get("api/articles?tag=" + small + "&size=50").expect(200);
        assertEquals(50, bigPage.json().getJsonArray("items").size());
        assertEquals(3, bigPage.json().getJsonArray("items").getJsonObject(49).getJsonArray("authors").size());
        assertEquals(4, bigPage.json().getJsonArray("items").getJsonObject(0).getJsonArray("tags").size());
        int bigCount = Integer.parseInt(bigPage.header("X-SQL-Statements"));
        int smallCount = Integer.parseInt(smallPage.header("X-SQL-Statements"));
        System.out.printf("SQL statements: list page of 50 articles x 3 authors x 4 tags = %d, page of 5 x 1 author x 1 tag = %d%n",
                bigCount, smallCount);
        assertEquals(smallCount, bigCount, "a page of 50 costs what a page of 5 costs");
        assertTrue(bigCount <= 6, "count, ids, articles with authors, tags, author profiles: " + bigCount);

        String slug = bigPage.json().getJsonArray("items").getJsonObject(0).getString("slug");
        int articleCount = Integer.parseInt(api().get("api/articles/" + slug).expect(200).header("X-SQL-Statements"));
        int withSimilar = Integer.parseInt(api().get("api/articles/" + slug + "?include=similar").expect(200).header("X-SQL-Statements"));
        int similarAlone = Integer.parseInt(api().get("api/articles/" + slug + "/similar").expect(200).header("X-SQL-Statements"));
        System.out.printf("SQL statements: one article with 3 authors, 4 tags, 1 reference = %d, with include=similar %d, similar alone %d%n",
                articleCount, withSimilar, similarAlone);
        assertTrue(articleCount <= 3, "article with its authors, their profiles and tags; references; translations: " + articleCount);
        assertEquals(articleCount + 1, withSimilar, "the similar block is one more lookup");
        assertTrue(similarAlone <= 2, "the article; its similar posts with their authors: " + similarAlone);
    }

    private static List<String> languages(JsonObject article) {
        return article.getJsonArray("translations").stream().map(t -> t.asJsonObject().getString("language")).toList();
    }

    private static long countArticles(Api admin) {
        return Long.parseLong(admin.get("api/admin/articles?size=1").expect(200).header("X-Total-Count"));
    }
}
