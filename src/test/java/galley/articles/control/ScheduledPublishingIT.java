package galley.articles.control;

import static galley.testing.Content.createArticle;
import static galley.testing.Content.createAuthor;
import static galley.testing.Content.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import galley.testing.Api;
import galley.testing.Content;
import galley.testing.GalleyDeployment;
import galley.testing.GalleyProcess;
import galley.testing.TestConfig;
import galley.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scheduled publishing on two nodes: Galley nodes on one PostgreSQL publish each article exactly once and
 * send each webhook delivery of it exactly once. The test starts a second Galley process next to the
 * Arquillian-managed one; it runs in the PostgreSQL execution only (two nodes share a database only there).
 * The crash-and-restart test is {@link ScheduledPublishingRestartIT}.
 */
class ScheduledPublishingIT extends GalleyDeployment {

    @Test
    void twoNodesOnOneDatabasePublishEachScheduledArticleOnce() throws Exception {
        assumeTrue("postgresql".equals(TestConfig.database()), "two nodes share a database only on PostgreSQL");
        Map<String, String> settings = new HashMap<>();
        settings.put("galley.data.dir", Path.of("target", "it-data", "node-b").toAbsolutePath().toString());
        settings.put("galley.db.url", TestConfig.postgresUrl());
        settings.put("galley.db.user", "postgres");
        settings.put("galley.db.password", "postgres");
        try (GalleyProcess nodeB = GalleyProcess.start("node-b", settings);
             WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            Api admin = api().admin();
            // Both nodes' webhook senders poll the same outbox: each delivery must reach the receiver once.
            String webhook = admin.post("api/admin/webhooks", Json.createObjectBuilder().add("url", receiver.url("/two-nodes"))
                    .add("events", Json.createArrayBuilder().add("article.published")).build())
                    .expect(201).json().getJsonObject("webhook").getString("id");
            UUID author = createAuthor(admin, unique("Two Nodes"));
            List<JsonObject> drafts = new ArrayList<>();
            for (int i = 0; i < 20; i++) drafts.add(createArticle(admin, Content.article("en", unique("Twice Watched"), author)));
            Instant at = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
            List<String[]> scheduled = new ArrayList<>();
            for (JsonObject draft : drafts) {
                long version = admin.post("api/admin/articles/" + draft.getString("id") + "/schedule",
                        Json.createObjectBuilder().add("publishAt", at.toString()).build()).expect(200).json().getJsonNumber("version").longValue();
                scheduled.add(new String[] {draft.getString("id"), draft.getString("slug"), Long.toString(version)});
            }
            assertTrue(Instant.now().isBefore(at), "all were scheduled before they fell due");
            for (String[] s : scheduled) {
                assertEquals(200, awaitPublished(api(), s[1], Duration.ofSeconds(20)).status());
            }
            Thread.sleep(2000);
            for (String[] s : scheduled) {
                assertEquals(Long.parseLong(s[2]) + 1, admin.get("api/admin/articles/" + s[0]).expect(200).json()
                        .getJsonNumber("version").longValue(), "published exactly once: " + s[1]);
            }
            long byB = scheduled.stream().filter(s -> nodeB.log().contains("Published scheduled article " + s[0])).count();
            List<String> ids = scheduled.stream().map(s -> s[0]).toList();
            List<WebhookReceiver.Received> received = receiver.await(r -> ids.stream().allMatch(id -> r.stream()
                    .anyMatch(x -> id.equals(x.dataId()))), Duration.ofSeconds(30));
            Thread.sleep(2000);
            received = receiver.received(r -> ids.contains(r.dataId()));
            for (String id : ids) {
                assertEquals(1, received.stream().filter(r -> id.equals(r.dataId())).count(), "one article.published delivery of " + id);
            }
            assertEquals(ids.size(), received.stream().map(r -> r.header("X-Galley-Delivery")).distinct().count());
            admin.delete("api/admin/webhooks/" + webhook).expect(204);
            System.out.printf("two nodes, %d scheduled articles: each published once (node B %d, node A %d), each webhook delivery "
                    + "received once%n", scheduled.size(), byB, scheduled.size() - byB);
        }
    }

    static Api.Reply awaitPublished(Api reader, String slug, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Api.Reply read = reader.get("api/articles/" + slug);
        while (read.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            read = reader.get("api/articles/" + slug);
        }
        return read;
    }
}
