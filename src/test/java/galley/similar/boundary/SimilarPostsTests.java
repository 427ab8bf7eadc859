package galley.similar.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.publish;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyTests;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Similar posts end to end: computed in the background after editors' changes, filtered at read time,
 * steered by pins and exclusions, borrowed from translations. Each test writes on its own made-up topic
 * word, so its articles are similar only to each other (and to nothing the deployment's other tests wrote).
 */
public interface SimilarPostsTests extends GalleyTests {

    Duration SIMILAR_PATIENCE = Duration.ofSeconds(60);

    /** An editor and the author of a test's articles. */
    record Desk(Api admin, UUID author) {
    }

    private Desk desk() {
        Api admin = api().admin();
        return new Desk(admin, createAuthor(admin, unique("Similar Author")));
    }

    @Test
    default void listsAreComputedAfterPublishingAndServedWithScoresAndWhy() {
        Desk desk = desk();
        String topic = topic();
        JsonObject a = published(desk, "en", topic, "glacier meltwater runoff measured icecap");
        JsonObject b = published(desk, "en", topic, "glacier meltwater icecap retreat measured");
        JsonObject c = published(desk, "en", topic, "icecap glacier runoff retreat");
        JsonObject unrelated = published(desk, "en", topic(), "violin concerto orchestra premiere");

        List<String> list = awaitSimilar(a, l -> l.containsAll(List.of(slug(b), slug(c))));
        assertFalse(list.contains(slug(unrelated)));
        assertFalse(list.contains(slug(a)), "never the article itself");

        JsonObject reply = api().get("api/articles/" + slug(a) + "/similar").expect(200).json();
        JsonObject first = reply.getJsonArray("items").getJsonObject(0);
        assertTrue(first.getJsonNumber("score").doubleValue() > 0);
        assertFalse(first.getJsonArray("why").isEmpty(), "the shared terms are given: " + first);
        assertTrue(first.getJsonArray("why").toString().contains(topic) || first.getJsonArray("why").toString().contains("glacier"),
                "the why names shared words: " + first.getJsonArray("why"));
        assertEquals("en", first.getString("language"));
        assertNotNull(first.getString("publishedAt"));
        assertEquals(desk.author().toString(), first.getJsonArray("authors").getJsonObject(0).getString("id"));

        assertEquals(1, api().get("api/articles/" + slug(a) + "/similar?limit=1").expect(200).json().getJsonArray("items").size());
        JsonObject embedded = api().get("api/articles/" + slug(a) + "?include=similar").expect(200).json();
        assertEquals(reply.getJsonArray("items"), embedded.getJsonArray("similar"), "the article embeds the same list");
        assertFalse(api().get("api/articles/" + slug(a)).expect(200).json().containsKey("similar"), "only when asked");

        Api.Reply tooMany = api().get("api/articles/" + slug(a) + "/similar?limit=21").expect(400);
        assertEquals("application/problem+json", tooMany.contentType());
        api().get("api/articles/" + slug(a) + "/similar?limit=zero").expect(400);
        api().get("api/articles/" + unique("no-such-article") + "/similar").expect(404);
    }

    @Test
    default void unpublishedAndDeletedArticlesLeaveListsAtOnceAndRepublishedOnesReturn() {
        Desk desk = desk();
        String topic = topic();
        JsonObject a = published(desk, "en", topic, "lighthouse keeper foghorn coastline");
        JsonObject b = published(desk, "en", topic, "lighthouse foghorn keeper beacon");
        JsonObject c = published(desk, "en", topic, "coastline beacon lighthouse keeper");
        awaitSimilar(a, l -> l.containsAll(List.of(slug(b), slug(c))));

        desk.admin().post("api/admin/articles/" + id(b) + "/unpublish", null).expect(200);
        assertFalse(similar(a).contains(slug(b)), "filtered at read time, before any recomputation");
        desk.admin().delete("api/admin/articles/" + id(c), Content.ifMatch(desk.admin(), "articles", id(c))).expect(204);
        assertFalse(similar(a).contains(slug(c)), "a deleted article is gone at once");

        publish(desk.admin(), id(b));
        awaitSimilar(a, l -> l.contains(slug(b)));
        JsonObject d = published(desk, "en", topic, "lighthouse keeper beacon foghorn coastline");
        awaitSimilar(a, l -> l.contains(slug(d)));
    }

    @Test
    default void editorsPinReorderUnpinAndExclude() {
        Desk desk = desk();
        String topic = topic();
        JsonObject a = published(desk, "en", topic, "beekeeping hive honey pollen");
        JsonObject b = published(desk, "en", topic, "hive honey beekeeping swarm");
        JsonObject c = published(desk, "en", topic, "pollen swarm hive");
        JsonObject elsewhere = published(desk, "en", topic(), "tramway timetable depot");
        awaitSimilar(a, l -> l.containsAll(List.of(slug(b), slug(c))));

        JsonObject edited = desk.admin().put("api/admin/articles/" + id(a) + "/similar", Json.createObjectBuilder()
                .add("pinned", Json.createArrayBuilder().add(pin(elsewhere, 1)))
                .add("excluded", Json.createArrayBuilder().add(id(b))).build()).expect(200).json();
        assertEquals(id(elsewhere), edited.getJsonArray("pinned").getJsonObject(0).getString("articleId"));
        assertEquals(List.of(slug(elsewhere), slug(c)), similar(a).subList(0, 2), "the pin leads, the excluded one is gone");
        assertTrue(api().get("api/articles/" + slug(a) + "/similar").expect(200).json().getJsonArray("items")
                .getJsonObject(0).getBoolean("pinned"));

        // Recomputing keeps the editors' choices.
        desk.admin().post("api/admin/similar/recompute", Json.createObjectBuilder().add("articleId", id(a)).build()).expect(200);
        assertEquals(slug(elsewhere), similar(a).get(0));
        assertFalse(similar(a).contains(slug(b)));

        // Reorder: the pin moves to position 2.
        desk.admin().put("api/admin/articles/" + id(a) + "/similar", Json.createObjectBuilder()
                .add("pinned", Json.createArrayBuilder().add(pin(elsewhere, 2)))
                .add("excluded", Json.createArrayBuilder().add(id(b))).build()).expect(200);
        assertEquals(slug(elsewhere), similar(a).get(1));

        // Unpin and un-exclude: back to the computed list.
        JsonObject cleared = desk.admin().put("api/admin/articles/" + id(a) + "/similar", Json.createObjectBuilder()
                .add("pinned", Json.createArrayBuilder()).add("excluded", Json.createArrayBuilder()).build()).expect(200).json();
        assertTrue(cleared.getJsonArray("pinned").isEmpty());
        assertFalse(similar(a).contains(slug(elsewhere)));
        assertTrue(similar(a).contains(slug(b)));

        // Bad edits are refused whole, naming the field.
        Api.Reply self = desk.admin().put("api/admin/articles/" + id(a) + "/similar", Json.createObjectBuilder()
                .add("pinned", Json.createArrayBuilder().add(pin(a, 1))).build()).expect(422);
        assertTrue(self.body().contains("pinned[0].articleId"), self.body());
        Api.Reply both = desk.admin().put("api/admin/articles/" + id(a) + "/similar", Json.createObjectBuilder()
                .add("pinned", Json.createArrayBuilder().add(pin(c, 1)))
                .add("excluded", Json.createArrayBuilder().add(id(c)).add(UUID.randomUUID().toString())).build()).expect(422);
        assertTrue(both.body().contains("excluded[1]"), both.body());
        assertTrue(similar(a).contains(slug(b)), "nothing of a refused edit was written");
        api().put("api/admin/articles/" + id(a) + "/similar", Json.createObjectBuilder().build()).expect(401);
    }

    @Test
    default void aFullRecomputationRunsInTheBackgroundWithProgress() throws InterruptedException {
        Desk desk = desk();
        Api.Reply started = desk.admin().post("api/admin/similar/recompute", Json.createObjectBuilder().build()).expect(202);
        String location = started.header("Location");
        assertNotNull(location);
        JsonObject job = started.json();
        long deadline = System.nanoTime() + SIMILAR_PATIENCE.toNanos();
        while ("RUNNING".equals(job.getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = desk.admin().get("api/admin/similar/recompute/" + job.getString("id")).expect(200).json();
            assertTrue(job.getInt("done") <= job.getInt("total"));
        }
        assertEquals("DONE", job.getString("status"), job.toString());
        assertEquals(job.getInt("total"), job.getInt("done"));
        assertNotNull(job.getString("finishedAt"));
        desk.admin().get("api/admin/similar/recompute/" + UUID.randomUUID()).expect(404);
        api().post("api/admin/similar/recompute", Json.createObjectBuilder().build()).expect(401);
    }

    @Test
    default void anArticleWithFewPeersInItsLanguageBorrowsFromItsTranslation() {
        Desk desk = desk();
        String topic = topic();
        JsonObject en1 = published(desk, "en", topic, "volcano eruption lava ashcloud");
        JsonObject en2 = published(desk, "en", topic, "volcano lava ashcloud magma");
        JsonObject en3 = published(desk, "en", topic, "eruption magma volcano");
        awaitSimilar(en1, l -> l.containsAll(List.of(slug(en2), slug(en3))));

        // Turkish versions whose texts share nothing: on its own, tr1 would have no similar posts at all.
        JsonObject tr2 = translation(desk, en2, "tr", "Kuzey denizinde balıkçı tekneleri " + topic(), "balıkçı tekne liman ağ");
        JsonObject tr3 = translation(desk, en3, "tr", "Dağ köylerinde arıcılık " + topic(), "arıcı kovan bal çiçek");
        JsonObject tr1 = translation(desk, en1, "tr", "Şehir kütüphanesi yenilendi " + topic(), "kütüphane kitap okuyucu raf");
        List<String> borrowed = awaitSimilar(tr1, l -> l.containsAll(List.of(slug(tr2), slug(tr3))));
        assertFalse(borrowed.contains(slug(en2)), "only articles in the reader's language");
        assertFalse(borrowed.contains(slug(tr1)));
    }

    // --- helpers ---

    /** A made-up word, so a test's articles share a word with nothing else in the database. */
    private static String topic() {
        StringBuilder word = new StringBuilder("zq");
        for (char ch : unique("").replaceAll("[^a-z0-9]", "").toCharArray()) word.append((char) ('a' + ch % 26));
        return word.toString().toLowerCase(Locale.ROOT);
    }

    private JsonObject published(Desk desk, String language, String topic, String words) {
        String title = topic + " " + words;
        JsonObject created = createArticle(desk.admin(), Content.article(language, title, desk.author())
                .add("body", (topic + " " + words + ". ").repeat(3) + "\n\nThe " + topic + " " + words + " again.")
                .add("tags", Json.createArrayBuilder().add(topic())));
        publish(desk.admin(), created.getString("id"));
        return created;
    }

    private JsonObject translation(Desk desk, JsonObject of, String language, String title, String words) {
        JsonObject created = createArticle(desk.admin(), Content.article(language, title, desk.author())
                .add("body", (words + ". ").repeat(3))
                .add("tags", Json.createArrayBuilder().add(topic()))
                .add("translationOf", id(of)));
        publish(desk.admin(), created.getString("id"));
        return created;
    }

    private static JsonObject pin(JsonObject article, int position) {
        return Json.createObjectBuilder().add("articleId", id(article)).add("position", position).build();
    }

    private static String id(JsonObject article) {
        return article.getString("id");
    }

    private static String slug(JsonObject article) {
        return article.getString("slug");
    }

    private List<String> similar(JsonObject article) {
        return api().get("api/articles/" + slug(article) + "/similar?limit=20&lang=" + article.getString("language")).expect(200)
                .json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("slug")).toList();
    }

    /** The article's list once it satisfies {@code done}: recomputation runs in the background. */
    private List<String> awaitSimilar(JsonObject article, Predicate<List<String>> done) {
        long deadline = System.nanoTime() + SIMILAR_PATIENCE.toNanos();
        List<String> list = List.of();
        while (System.nanoTime() < deadline) {
            list = similar(article);
            if (done.test(list)) return list;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("similar posts of " + slug(article) + " did not arrive in " + SIMILAR_PATIENCE + ": " + list);
    }
}
