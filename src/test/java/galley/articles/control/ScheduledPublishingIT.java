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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
 * Scheduled publishing beyond one running server: the schedule survives a crash (due articles are caught
 * up at start-up), and two Galley nodes on one PostgreSQL publish each article exactly once and send each
 * webhook delivery of it exactly once. These tests
 * start their own Galley processes next to the Arquillian-managed one.
 */
class ScheduledPublishingIT extends GalleyDeployment {

    private static final String PASSWORD = "restart-admin-" + UUID.randomUUID();

    @Test
    void theScheduleSurvivesACrashAndDueArticlesAreCaughtUpAtStartUp() throws Exception {
        // Two Galley starts of its own (about 50 s each): run once, on H2. The catch-up is the same JPQL on both
        // databases, and on PostgreSQL the two-node test below has a second process publish what falls due.
        assumeTrue("h2".equals(TestConfig.database()), "the crash-and-restart test runs on the embedded H2 database only");
        Map<String, String> settings = isolatedDatabase();
        Instant at;
        String slug;
        String id;
        long scheduledVersion;
        try (GalleyProcess first = GalleyProcess.start("restart-1-" + TestConfig.database(), settings)) {
            Api admin = first.api().as("restart-admin", PASSWORD);
            UUID author = createAuthor(admin, unique("Night Shift"));
            JsonObject draft = createArticle(admin, Content.article("en", unique("Published While Down"), author));
            id = draft.getString("id");
            slug = draft.getString("slug");
            // This node also runs with the per-site option for Unicode slugs.
            JsonObject russian = createArticle(admin, Content.article("ru", "Учения ОДКБ " + unique("x"), author));
            assertTrue(russian.getString("slug").startsWith("учения-одкб-"), russian.getString("slug"));
            at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
            scheduledVersion = admin.post("api/admin/articles/" + id + "/schedule",
                    Json.createObjectBuilder().add("publishAt", at.toString()).build()).expect(200).json().getJsonNumber("version").longValue();
            first.kill();
        }
        assertTrue(Instant.now().isBefore(at), "the node died before the article was due");
        try (GalleyProcess second = GalleyProcess.start("restart-2-" + TestConfig.database(), settings)) {
            assertTrue(Instant.now().isAfter(at), "the article fell due while no node ran");
            Api reader = second.api();
            Api.Reply read = awaitPublished(reader, slug, Duration.ofSeconds(15));
            assertEquals(200, read.status(), "caught up at start-up");
            assertEquals(at, Instant.parse(read.json().getString("publishedAt")));
            assertEquals(scheduledVersion + 1, second.api().as("restart-admin", PASSWORD).get("api/admin/articles/" + id)
                    .expect(200).json().getJsonNumber("version").longValue());
        }
    }

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

    private static Api.Reply awaitPublished(Api reader, String slug, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Api.Reply read = reader.get("api/articles/" + slug);
        while (read.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            read = reader.get("api/articles/" + slug);
        }
        return read;
    }

    /** A database of its own, so the Arquillian-managed node cannot publish the article while this one is down. */
    private static Map<String, String> isolatedDatabase() throws Exception {
        Map<String, String> settings = new HashMap<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        settings.put("galley.data.dir", Path.of("target", "it-data", "restart-" + run).toAbsolutePath().toString());
        settings.put("galley.admin.user", "restart-admin");
        settings.put("galley.admin.password", PASSWORD);
        settings.put("galley.jwt.signing-key", TestConfig.signingKeyPem());
        settings.put("galley.slugs.unicode", "true");
        String postgres = TestConfig.postgresUrl();
        if (postgres != null) {
            try (Connection c = DriverManager.getConnection(postgres, "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute("create database restart_" + run);
            }
            settings.put("galley.db.url", postgres.substring(0, postgres.lastIndexOf('/') + 1) + "restart_" + run);
            settings.put("galley.db.user", "postgres");
            settings.put("galley.db.password", "postgres");
        }
        return settings;
    }
}
