package galley.articles.boundary;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The editorial workflow: draft, scheduled, published, archived, with the rules the services enforce. */
public interface WorkflowTests extends GalleyTests {

    @Test
    default void aScheduledArticleIsPublishedAtItsTimeWithThatDate() throws InterruptedException {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Scheduler"));
        JsonObject draft = createArticle(admin, Content.article("en", unique("Embargoed"), author));
        Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        JsonObject scheduled = schedule(admin, draft.getString("id"), at).expect(200).json();
        assertEquals("SCHEDULED", scheduled.getString("status"));
        assertEquals(at, Instant.parse(scheduled.getString("publishAt")));
        api().get("api/articles/" + draft.getString("slug")).expect(404);
        assertTrue(admin.get("api/admin/articles?status=scheduled&size=100").expect(200).body().contains(draft.getString("id")));

        Instant deadline = at.plus(Duration.ofSeconds(15));
        Api.Reply read;
        do {
            Thread.sleep(250);
            read = api().get("api/articles/" + draft.getString("slug"));
        } while (read.status() == 404 && Instant.now().isBefore(deadline));
        assertEquals(200, read.status(), "published within a few seconds of its time");
        Instant publishedSeen = Instant.now();
        System.out.printf("scheduled publishing: due %s, visible after %d ms%n", at, Duration.between(at, publishedSeen).toMillis());
        assertEquals(at, Instant.parse(read.json().getString("publishedAt")), "published as of its scheduled time");
        JsonObject after = admin.get("api/admin/articles/" + draft.getString("id")).expect(200).json();
        assertEquals("PUBLISHED", after.getString("status"));
        assertFalse(after.containsKey("publishAt"));
        assertEquals(scheduled.getJsonNumber("version").longValue() + 1, after.getJsonNumber("version").longValue(), "published once");
    }

    @Test
    default void schedulingRulesAreEnforced() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Rules"));
        JsonObject draft = createArticle(admin, Content.article("en", unique("Rules"), author));
        String id = draft.getString("id");

        Api.Reply past = schedule(admin, id, Instant.now().minusSeconds(60)).expect(422);
        assertTrue(past.body().contains("publishAt"), past.body());
        admin.post("api/admin/articles/" + id + "/schedule", Json.createObjectBuilder().build()).expect(422);
        admin.post("api/admin/articles/" + id + "/schedule", Json.createObjectBuilder().add("publishAt", "tomorrow").build()).expect(400);

        JsonObject noAuthor = createArticle(admin, Content.article("en", unique("Anonymous piece")));
        Api.Reply unpublishable = schedule(admin, noAuthor.getString("id"), Instant.now().plusSeconds(3600)).expect(422);
        assertTrue(unpublishable.body().contains("authors"), unpublishable.body());

        // Cancelling a schedule: unpublish takes it back to draft, and nothing is published at the time.
        schedule(admin, id, Instant.now().plusSeconds(3600)).expect(200);
        assertEquals("DRAFT", admin.post("api/admin/articles/" + id + "/unpublish", null).expect(200).json().getString("status"));

        publish(admin, id);
        Api.Reply again = schedule(admin, id, Instant.now().plusSeconds(3600)).expect(409);
        assertEquals("application/problem+json", again.contentType());
        admin.post("api/admin/articles/" + noAuthor.getString("id") + "/archive", null).expect(409);
    }

    @Test
    default void archivingTakesAnArticleOffTheSiteAndPublishingBringsItBack() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Archivist"));
        JsonObject draft = createArticle(admin, Content.article("en", unique("Old News"), author));
        String id = draft.getString("id");
        String published = publish(admin, id).getString("publishedAt");
        api().get("api/articles/" + draft.getString("slug")).expect(200);

        JsonObject archived = admin.post("api/admin/articles/" + id + "/archive", null).expect(200).json();
        assertEquals("ARCHIVED", archived.getString("status"));
        api().get("api/articles/" + draft.getString("slug")).expect(404);
        assertTrue(admin.get("api/admin/articles?status=archived&size=100").expect(200).body().contains(id));
        assertFalse(admin.get("api/admin/articles?status=draft&size=100").expect(200).body().contains(id));

        JsonObject back = publish(admin, id);
        assertEquals(published, back.getString("publishedAt"), "it keeps its place in lists");
        api().get("api/articles/" + draft.getString("slug")).expect(200);
    }

    @Test
    default void previewsShowADraftAsPublishingWouldAndLinksExpire() throws InterruptedException {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Previewer"));
        JsonObject draft = createArticle(admin, Content.article("en", unique("Work In Progress"), author));
        String id = draft.getString("id");

        Api.Reply editorPreview = admin.get("api/admin/articles/" + id + "/preview").expect(200);
        assertTrue(editorPreview.header("Cache-Control").contains("no-store"), editorPreview.header("Cache-Control"));
        api().get("api/admin/articles/" + id + "/preview").expect(401);

        JsonObject link = admin.post("api/admin/articles/" + id + "/preview-link",
                Json.createObjectBuilder().add("validitySeconds", 3).build()).expect(200).json();
        Api.Reply viaLink = api().get(link.getString("url").replaceFirst("^https?://[^/]+/", "")).expect(200);
        assertEquals(editorPreview.json(), viaLink.json(), "the link shows what the editor sees");
        assertEquals("noindex", viaLink.header("X-Robots-Tag"));
        api().get("api/articles/" + draft.getString("slug")).expect(404);

        // Tampered or foreign tokens are simply not found.
        String token = link.getString("token");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        api().get("api/preview/" + tampered).expect(404);
        api().get("api/preview/not-a-token").expect(404);
        admin.post("api/admin/articles/" + id + "/preview-link", Json.createObjectBuilder().add("validitySeconds", 0).build()).expect(422);

        // Exactly what publishing shows, but for the publication date and the change time publishing sets.
        JsonObject preview = viaLink.json();
        publish(admin, id);
        JsonObject published = api().get("api/articles/" + draft.getString("slug")).expect(200).json();
        assertEquals(withoutPublishedAt(preview), withoutPublishedAt(published));

        Thread.sleep(3500);
        Api.Reply expired = api().get("api/preview/" + token).expect(410);
        assertEquals("application/problem+json", expired.contentType());
    }

    @Test
    default void aPublishedArticlesOldSlugRedirectsToItsNewOne() {
        Api admin = api().admin();
        UUID author = createAuthor(admin, unique("Renamer"));
        String oldSlug = unique("first-slug");
        JsonObject created = createArticle(admin, Content.article("en", "Renamed " + oldSlug, author).add("slug", oldSlug));
        String id = created.getString("id");
        publish(admin, id);
        String newSlug = unique("second-slug");
        admin.put("api/admin/articles/" + id, Content.article("en", "Renamed " + oldSlug, author).add("slug", newSlug).build(),
                Content.ifMatch(admin, "articles", id)).expect(200);

        Api.Reply moved = api().get("api/articles/" + oldSlug + "?include=similar").expect(301);
        String location = moved.header("Location");
        assertTrue(location.contains("/api/articles/" + newSlug) && location.contains("include=similar") && location.contains("lang=en"), location);
        api().get("api/articles/" + newSlug).expect(200);

        // A draft's slug changes leave nothing behind; an unpublished target is not redirected to.
        String draftSlug = unique("draft-slug");
        JsonObject draft = createArticle(admin, Content.article("en", "Draft " + draftSlug, author).add("slug", draftSlug));
        admin.put("api/admin/articles/" + draft.getString("id"), Content.article("en", "Draft " + draftSlug, author)
                .add("slug", unique("draft-renamed")).build(), Content.ifMatch(admin, "articles", draft.getString("id"))).expect(200);
        api().get("api/articles/" + draftSlug).expect(404);
        admin.post("api/admin/articles/" + id + "/unpublish", null).expect(200);
        api().get("api/articles/" + oldSlug).expect(404);

        // The old slug is free for another article, and then leads to that one.
        JsonObject taker = createArticle(admin, Content.article("en", "Taker " + oldSlug, author).add("slug", oldSlug));
        publish(admin, taker.getString("id"));
        assertEquals(taker.getString("id"), api().get("api/articles/" + oldSlug).expect(200).json().getString("id"));
    }

    private static JsonObject withoutPublishedAt(JsonObject article) {
        return Json.createObjectBuilder(article).remove("publishedAt").remove("updatedAt").build();
    }

    private static Api.Reply schedule(Api admin, String id, Instant at) {
        return admin.post("api/admin/articles/" + id + "/schedule", Json.createObjectBuilder().add("publishAt", at.toString()).build());
    }
}
